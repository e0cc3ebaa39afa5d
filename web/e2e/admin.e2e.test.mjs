// End-to-end: signing up and in through the authorization server (authorization code + PKCE),
// API keys, two-factor authentication and the organization admin screens, against the real
// server in Debian's Chromium. Screenshots land in web/e2e-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { launchBrowser } from './support/browser.mjs';
import { assertAccessible, assertFitsWidth, checkScreen, newPage, screenshot } from './support/pages.mjs';
import { startServer } from './support/server.mjs';
import { freshTotp, openAccountMenu, passServerSignIn, signOut, signUp } from './support/sign-in.mjs';

const PASSWORD = 'correct horse battery staple';
const unique = Date.now().toString(36);

let server;
let browser;

const open = (options = {}) => newPage(browser, server.baseUrl, options);

/** The session key the app keeps between reloads (refresh and ID token; never the access token). */
const storedSession = (page) => page.evaluate(() => localStorage.getItem('agentcoach.auth'));

async function apiStatus(path, secret) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { Authorization: `Bearer ${secret}` } });
  return response.status;
}

/** What a scanner reads off {@code locator} (an element showing a QR code) in a screenshot of it. */
async function scannedQrCode(locator) {
  const { data, width, height } = PNG.sync.read(await locator.screenshot());
  return jsQR(new Uint8ClampedArray(data), width, height)?.data;
}

describe('accounts and organization admin', () => {
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a person signs up, signs out, signs in again through the sign-in page, and manages an API key', async () => {
    const screen = await open();
    const { page } = screen;
    const account = { name: 'Sam Signup', email: `sam-${unique}@example.com`, password: PASSWORD };

    await page.goto('/signup');
    await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await page.getByRole('button', { name: 'Create account' }).click();
    assert.equal(await page.getByLabel('Name').evaluate((el) => el === document.activeElement), true, 'focus moves to the first error');
    await checkScreen(screen, 'signup-errors', 'The sign-up form with errors');

    await signUp(page, account);
    await openAccountMenu(page);
    await page.getByText(account.email).waitFor();
    const stored = await storedSession(page);
    assert.ok(stored, 'the session survives a reload through its stored refresh token');
    assert.doesNotMatch(stored, /"accessToken"/);

    await page.reload();
    await openAccountMenu(page);
    await page.getByText(account.email).waitFor();

    await signOut(page);
    assert.equal(await storedSession(page), null);
    await checkScreen(screen, 'signed-out', 'The sign-in screen after signing out');

    // signing out ended the server's sign-in session too: the password is asked again
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    const seen = await passServerSignIn(page, account);
    assert.deepEqual(seen, ['password']);
    await screenshot(page, 'signed-in');

    await openAccountMenu(page);
    await page.getByRole('link', { name: 'API keys', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('You have no API keys yet.').waitFor();
    await page.getByLabel('Name').fill('e2e laptop');
    await page.getByRole('checkbox', { name: /Read your profile/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('New API key').innerText()).trim();
    assert.match(secret, /^ak_/);
    assert.equal(await apiStatus('/api/me', secret), 200, 'the new key works');
    await page.getByRole('row', { name: /e2e laptop/ }).getByText('Active').waitFor();
    await checkScreen(screen, 'api-keys', 'The API keys page');

    await page.getByRole('button', { name: 'Revoke e2e laptop' }).click();
    await page.getByRole('button', { name: 'Revoke “e2e laptop” now' }).click();
    await page.getByRole('row', { name: /e2e laptop/ }).getByText('Revoked').waitFor();
    assert.equal(await apiStatus('/api/me', secret), 401, 'the revoked key is refused');
    await screen.close();
  });

  test('an org admin enrols a second factor, invites a member, changes their role and sees the team', async () => {
    const admin = await open();
    const adminAccount = { name: 'Ada Admin', email: `ada-${unique}@example.com`, password: PASSWORD };
    await signUp(admin.page, adminAccount);

    // admin actions need two-factor authentication: enrol an authenticator (codes computed here)
    const securityPage = await admin.page.goto('/account/security');
    assert.match(securityPage.headers()['content-security-policy'], /script-src 'self'; style-src 'self';/,
      'the app runs under the server\'s Content-Security-Policy');
    await admin.page.getByRole('heading', { level: 2, name: 'Two-factor authentication' }).waitFor();
    await admin.page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await admin.page.getByLabel('Setup key').innerText()).replace(/\s+/g, '');
    // the QR code, as Chromium draws it, reads back as the authenticator link, which carries the key
    const otpauthUri = await admin.page.getByRole('link', { name: 'open it in your authenticator app' }).getAttribute('href');
    assert.equal(otpauthUri, new URL(otpauthUri).href);
    assert.equal(new URL(otpauthUri).searchParams.get('secret'), secret);
    assert.equal(await scannedQrCode(admin.page.getByRole('img', { name: 'QR code to add AgentCoach to an authenticator app' })), otpauthUri);
    const mfa = { secret, used: new Set() };
    await checkScreen(admin, 'mfa-setup', 'Setting up two-factor authentication');
    await admin.page.getByLabel('Code from your app').fill(await freshTotp(secret, mfa.used));
    await admin.page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await admin.page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    assert.equal(await admin.page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count(), 10);
    assert.equal(await admin.page.evaluate(() => document.activeElement?.querySelector('h3')?.textContent), 'Your recovery codes',
      'focus moves to the codes, shown once');
    await checkScreen(admin, 'mfa-recovery-codes', 'The recovery codes');
    // a verified sign-in passes the server's second-factor page (/oauth2/mfa)
    await admin.page.getByRole('button', { name: 'Sign in again with your code' }).click();
    const seen = await passServerSignIn(admin.page, { ...adminAccount, mfa });
    assert.deepEqual(seen, ['password', 'code']);

    await admin.page.goto('/admin');
    await admin.page.getByRole('heading', { level: 2, name: 'Members' }).waitFor();
    await admin.page.getByRole('row', { name: /Ada Admin \(you\)/ }).waitFor();
    const member = { name: 'Mia Member', email: `mia-${unique}@example.com`, password: PASSWORD };
    await admin.page.getByLabel('Email').fill(member.email);
    await admin.page.getByLabel('Role', { exact: true }).selectOption('learner');
    await admin.page.getByRole('button', { name: 'Create invitation' }).click();
    const link = (await admin.page.getByLabel('Invitation link').innerText()).trim();
    assert.match(link, /\/invitations\/accept#token=inv_/);
    await checkScreen(admin, 'admin-members-invitation', 'The members page with a new invitation');

    // the invited person opens the link, creates an account and accepts
    const invited = await open();
    await invited.page.goto(link);
    await invited.page.getByRole('button', { name: 'Sign in to accept' }).waitFor();
    await checkScreen(invited, 'invitation-signed-out', 'The invitation page before signing in');
    await invited.page.getByRole('link', { name: 'Create an account' }).click();
    await invited.page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor();
    await invited.page.getByLabel('Name').fill(member.name);
    await invited.page.getByLabel('Email').fill(member.email);
    await invited.page.getByLabel('Password').fill(member.password);
    await invited.page.getByRole('button', { name: 'Create account' }).click();
    await passServerSignIn(invited.page, member);
    await invited.page.getByRole('button', { name: 'Accept invitation' }).click();
    await invited.page.getByText('You joined the organization as a learner.').waitFor();
    await checkScreen(invited, 'invitation-accepted', 'The accepted invitation');
    await invited.close();

    // the admin sees the new member and makes them an instructor
    await admin.page.reload();
    const row = admin.page.getByRole('row', { name: new RegExp(member.name) });
    await row.waitFor();
    await row.getByLabel(`Role of ${member.name}`).selectOption('instructor');
    await admin.page.getByText(`${member.name} is now Instructor.`).waitFor();
    await admin.page.reload();
    assert.equal(await admin.page.getByLabel(`Role of ${member.name}`).inputValue(), 'instructor');
    await checkScreen(admin, 'admin-members', 'The members page');

    await admin.page.getByRole('navigation', { name: 'Organization' }).getByRole('link', { name: 'Team progress' }).click();
    await admin.page.getByRole('heading', { level: 2, name: 'Team progress' }).waitFor();
    await admin.page.getByRole('table', { name: 'Progress by member' }).waitFor();
    await admin.page.getByRole('img', { name: /Average proficiency per week/ }).waitFor();
    await admin.page.getByRole('row', { name: new RegExp(member.name) }).waitFor();
    assert.equal(await admin.page.getByRole('alert').count(), 0, 'the team progress loads');
    await checkScreen(admin, 'admin-progress', 'The team progress page');

    await admin.page.getByRole('link', { name: 'Usage and budgets' }).click();
    await admin.page.getByRole('heading', { level: 2, name: 'Budgets' }).waitFor();
    await admin.page.getByLabel('Monthly budget for the organization (USD)').fill('-5');
    await admin.page.getByRole('button', { name: 'Save budgets' }).click();
    await admin.page.getByText('Enter an amount in dollars, 0 or more, or leave it empty.').waitFor();
    await admin.page.getByLabel('Monthly budget for the organization (USD)').fill('75');
    await admin.page.getByLabel('Daily allowance per learner (USD)').fill('2.5');
    await admin.page.getByRole('button', { name: 'Save budgets' }).click();
    await admin.page.getByText('Budgets saved.').waitFor();
    await admin.page.reload();
    assert.equal(await admin.page.getByLabel('Monthly budget for the organization (USD)').inputValue(), '75');
    await admin.page.getByRole('img', { name: /Cost per day/ }).waitFor();
    assert.equal(await admin.page.getByText('The usage could not be loaded').count(), 0, 'the usage loads');
    await checkScreen(admin, 'admin-usage', 'The usage and budgets page');

    await admin.page.getByRole('link', { name: 'Audit log' }).click();
    await admin.page.getByRole('heading', { level: 2, name: 'Audit log' }).waitFor();
    await admin.page.getByRole('row', { name: /member\.changed/ }).first().waitFor();
    await admin.page.getByRole('row', { name: /invitation\.created/ }).first().waitFor();
    await admin.page.getByText('Not checked').waitFor();
    await checkScreen(admin, 'admin-audit', 'The audit log');

    // the same screens on a phone and in dark mode, continuing the admin's session there: the admin's
    // own browser is closed first, since refresh tokens rotate and a copy refreshed by both browsers
    // would be a reused token, which revokes the whole session (as it should)
    // The admin's app is stopped before its stored session is copied: it waits for requests in
    // flight (a refresh answered after the copy would leave the phone a rotated, reused token) and
    // then leaves for a server page, where no script of the app can refresh again.
    await admin.page.waitForLoadState('networkidle');
    await admin.page.goto('/actuator/health');
    const session = await storedSession(admin.page);
    await admin.close();
    const phone = await open({ width: 360, height: 740, colorScheme: 'dark' });
    await phone.page.goto('/');
    await phone.page.evaluate((stored) => localStorage.setItem('agentcoach.auth', stored), session);
    for (const [name, path, ready] of [
      ['admin-members', '/admin', (page) => page.getByRole('row', { name: new RegExp(member.name) })],
      ['admin-progress', '/admin/progress', (page) => page.getByRole('table', { name: 'Progress by member' })],
      ['admin-usage', '/admin/usage', (page) => page.getByRole('button', { name: 'Save budgets' })],
      ['admin-audit', '/admin/audit', (page) => page.getByRole('row', { name: /member\.changed/ }).first()],
      ['api-keys', '/account/api-keys', (page) => page.getByRole('heading', { level: 2, name: 'New key' })],
      ['security', '/account/security', (page) => page.getByText(/Two-factor authentication is on\./).first()],
    ]) {
      await phone.page.goto(path);
      await ready(phone.page).waitFor();
      await assertFitsWidth(phone.page, name);
      await screenshot(phone.page, `${name}-phone-dark`);
    }
    await assertAccessible(phone.page, 'The security page on a phone in dark mode');
    await phone.close();
  });

  test('Swagger UI renders the API description under the Content-Security-Policy', async () => {
    // the one thing the policy refuses there: the inline <style> of Swagger's logo (docs/operations.md)
    const screen = await open({ tolerate: [/^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] });
    const response = await screen.page.goto('/swagger-ui/index.html');
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    await screen.page.getByRole('heading', { name: /AgentCoach API/ }).waitFor();
    await screen.page.locator('.opblock').first().click();
    await screen.page.getByRole('button', { name: 'Try it out' }).first().waitFor();
    await screenshot(screen.page, 'swagger-ui');
    assert.deepEqual(screen.errors, [], 'Swagger UI logged errors');
    await screen.close();
  });
});
