// A learner for the end-to-end tests, obtained the simple way until the web app's own sign-in
// lands: sign up through the API, then hand the access token to the page the way the app keeps
// it (sessionStorage, read by web/src/lib/access-token.ts).
import { randomUUID } from 'node:crypto';

export const PASSWORD = 'correct horse battery staple 42';

/** @returns {Promise<{ email: string, accessToken: string, userId: string, organizationId: string }>} */
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
  return { email, ...(await response.json()) };
}

/** Where the API answers 404 for "nothing yet" (no placement, no goal) or "not on this server version". */
const ABSENT_IS_NORMAL = [/^\/api\/mastery\/placement$/, /^\/api\/mastery\/goal$/, /^\/api\/practice\/progress$/];

/** A browser context whose pages start signed in as the learner holding {@code accessToken}. */
export async function signedInContext(browser, baseUrl, accessToken, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: 'light', baseURL: baseUrl });
  await context.addInitScript((token) => sessionStorage.setItem('agentcoach.accessToken', token), accessToken);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // the browser logs every 404; those the API uses to say "none yet" are checked below instead
    // a server without the practice WebSocket (before it lands) refuses its handshake: the app polls instead
    const practiceSocketMissing = /WebSocket connection to '[^']*\/ws\/practice[^']*' failed: .*404/.test(message.text());
    if (message.type() === 'error' && !/status of 404/.test(message.text()) && !practiceSocketMissing) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() === 404 && !ABSENT_IS_NORMAL.some((pattern) => pattern.test(path))) {
      errors.push(`404 from ${path}`);
    }
  });
  return { page, context, errors };
}
