// A learner for the end-to-end tests: the account is created through the API (quicker than the
// form, which admin.e2e.test.mjs covers), then every browser context signs in the way a person
// does: the app's sign-in screen, the server's password page, back to the app (authorization
// code + PKCE; the session is web/src/lib/auth/session.ts).
import { randomUUID } from 'node:crypto';
import { passServerSignIn } from './sign-in.mjs';

export const PASSWORD = 'correct horse battery staple 42';

/** @returns {Promise<{ email: string, password: string, userId: string, organizationId: string }>} */
export async function signUp(baseUrl, displayName = 'E2E Learner') {
  const email = `learner-${randomUUID()}@example.test`;
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, displayName }),
  });
  if (response.status !== 201) {
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }
  const { userId, organizationId } = await response.json();
  return { email, password: PASSWORD, userId, organizationId };
}

/** Where the API answers 404 for "nothing yet" (no placement, no goal). */
const ABSENT_IS_NORMAL = [/^\/api\/mastery\/placement$/, /^\/api\/mastery\/goal$/];

/**
 * A browser context with a page signed in as {@code learner} through the real sign-in flow;
 * {@code errors} collects script errors, console errors and unexpected 404s from then on.
 */
export async function signedInContext(browser, baseUrl, learner, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light', baseURL: baseUrl });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // the browser logs every 404; those the API uses to say "none yet" are checked below instead
    if (message.type() === 'error' && !/status of 404/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() === 404 && !ABSENT_IS_NORMAL.some((pattern) => pattern.test(path))) {
      errors.push(`404 from ${path}`);
    }
  });
  await page.goto('/login');
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await passServerSignIn(page, { email: learner.email, password: learner.password });
  return { page, context, errors };
}
