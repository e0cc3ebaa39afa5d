// Signing in the way a person does: the app's screens, the server's sign-in page of the
// authorization code flow and, for accounts with two-factor authentication, its code page.
import { createHmac } from 'node:crypto';

/** RFC 4648 base32 (the alphabet authenticator apps use) to bytes. */
function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) {
      throw new Error(`not base32: ${char}`);
    }
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

/** The RFC 6238 TOTP code (SHA-1, 6 digits, 30 s) of {@code secret} for time step {@code step}. */
export function totp(secret, step = Math.floor(Date.now() / 30_000)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** A code from a time step not used before for this secret (servers refuse a code used twice). */
export async function freshTotp(secret, used) {
  let step = Math.floor(Date.now() / 30_000);
  while (used.has(step)) {
    await new Promise((r) => setTimeout(r, 1000));
    step = Math.floor(Date.now() / 30_000);
  }
  used.add(step);
  return totp(secret, step);
}

/** Waits until the browser shows a server sign-in page or the signed-in app. */
async function nextStop(page) {
  const never = new Promise(() => {});
  const server = page.waitForURL(/\/oauth2\/(login|mfa)/, { timeout: 60_000 }).then(() => 'server', () => never);
  const app = page
    .getByRole('button', { name: 'Account', exact: true })
    .waitFor({ timeout: 60_000 })
    .then(() => 'app', () => never);
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`Sign-in stalled at ${page.url()}`)), 61_000));
  return Promise.race([server, app, timeout]);
}

/**
 * Goes through whatever the server's authorization endpoint shows until the browser is back in
 * the app: its password page, its second-factor page (when {@code mfa} is given), or nothing at
 * all when the browser's sign-in session is still valid. Returns the server pages seen.
 */
export async function passServerSignIn(page, { email, password, mfa }) {
  const seen = [];
  for (let step = 0; step < 4; step += 1) {
    if ((await nextStop(page)) === 'app') {
      return seen;
    }
    const path = new URL(page.url()).pathname;
    if (path === '/oauth2/login') {
      if (new URL(page.url()).searchParams.has('error')) {
        throw new Error(`The server refused the password: ${(await page.locator('body').innerText()).slice(0, 300)}`);
      }
      seen.push('password');
      await page.getByLabel(/email/i).fill(email);
      await page.getByLabel(/password/i).fill(password);
      await Promise.all([page.waitForURL((url) => url.pathname !== '/oauth2/login' || url.search.includes('error')),
        page.getByRole('button', { name: /sign in/i }).click()]);
    } else {
      seen.push('code');
      if (!mfa) {
        throw new Error('The server asked for a second factor the test did not set up');
      }
      await page.getByLabel(/code/i).first().fill(await freshTotp(mfa.secret, mfa.used));
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/oauth2/mfa') || url.search.includes('error')),
        page.locator('form button[type="submit"], form button').first().click()]);
    }
  }
  throw new Error(`Sign-in did not finish; last page ${page.url()}`);
}

/** Signs up through the app's form and returns once the new account is signed in. */
export async function signUp(page, { name, email, password }, path = '/signup') {
  await page.goto(path);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  return passServerSignIn(page, { email, password });
}

export async function openAccountMenu(page) {
  const button = page.getByRole('button', { name: 'Account', exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') {
    await button.click();
  }
}

export async function signOut(page) {
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
}
