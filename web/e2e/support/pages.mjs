// Browser pages for the end-to-end tests: fresh profiles, screenshots, accessibility and
// script-error checks. Screenshots land in web/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeViolations, seriousViolations } from './axe.mjs';

export const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'e2e-artifacts');
mkdirSync(artifacts, { recursive: true });

/**
 * A fresh browser profile (no storage, no theme choice) at desktop or phone size. {@code errors}
 * collects script errors and console errors, except those {@code tolerate} matches.
 */
export async function newPage(browser, baseURL, { width = 1280, height = 900, colorScheme = 'light', tolerate = [] } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, baseURL });
  const page = await context.newPage();
  const errors = [];
  // the server's own sign-in pages declare no icon, so the browser asks for /favicon.ico and gets 404
  const ignored = [/\/favicon\.ico\)$/, ...tolerate];
  const keep = (text) => !ignored.some((pattern) => pattern.test(text));
  page.on('pageerror', (error) => keep(error.message) && errors.push(error.message));
  page.on('console', (message) => {
    const text = `${message.text()} (${message.location()?.url ?? 'no url'})`;
    if (message.type() === 'error' && keep(text)) {
      errors.push(text);
    }
  });
  return { page, context, errors, close: () => context.close() };
}

export async function screenshot(page, name) {
  // from the top: the sticky header would otherwise sit in the middle of a full-page picture
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

export async function assertAccessible(page, screen) {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${screen} has accessibility violations:\n${describeViolations(violations)}`);
}

/** The end of every screen's check: a screenshot, no serious accessibility violation, no script error. */
export async function checkScreen({ page, errors }, name, description) {
  await screenshot(page, name);
  await assertAccessible(page, description);
  assert.deepEqual(errors, [], `${description} logged errors`);
}

export async function assertFitsWidth(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the screen`);
}
