// End-to-end: the learner screens against the real server, in Debian's Chromium.
// Screenshots land in web/e2e-artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeViolations, seriousViolations } from './support/axe.mjs';
import { launchBrowser } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-artifacts');
mkdirSync(artifacts, { recursive: true });

const LESSON = { id: 'messages-and-roles', title: 'Messages, roles and the stateless chat API' };
const EXERCISE = { id: 'fit-messages-to-budget', title: 'Fit a conversation into the context window' };

let server;
let browser;

/** A fresh browser profile (no drafts, no theme choice) at desktop or phone size. */
async function newPage({ width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, baseURL: server.baseUrl });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  return { page, context, errors, close: () => context.close() };
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

async function assertAccessible(page, screen) {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${screen} has accessibility violations:\n${describeViolations(violations)}`);
}

/** Whether this server grades check answers only for signed-in learners (once identity is in). */
async function answersNeedAnAccount() {
  const response = await fetch(`${server.baseUrl}/api/content/lessons/${LESSON.id}/checks/why-resend-history`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ answer: '0' }),
  });
  return response.status === 401;
}

/** The end of every screen's test: a screenshot, no serious accessibility violation, no script error. */
async function checkScreen({ page, errors }, name, description) {
  await screenshot(page, name);
  await assertAccessible(page, description);
  assert.deepEqual(errors, []);
}

async function assertInViewport(page, selector) {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box, `${selector} is not shown`);
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y < viewport.height / 2, `${selector} is at y=${box.y}, not scrolled into view`);
}

describe('learner screens', () => {
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the catalogue lists tracks with their lessons and exercises', async () => {
    const { page, errors, close } = await newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'LLM foundations for agent builders' }).waitFor();
    const lesson = page.getByRole('link', { name: LESSON.title });
    assert.equal(await lesson.getAttribute('href'), `/lessons/${LESSON.id}`);
    assert.match(await lesson.locator('xpath=..').innerText(), /\d+ min/);
    await page.getByText('Server: ready').waitFor();
    await checkScreen({ page, errors }, 'catalogue', 'The catalogue');
    await close();
  });

  test('a lesson opens from the catalogue, follows its table of contents and grades a check question', async () => {
    const { page, errors, close } = await newPage();
    await page.goto('/');
    await page.getByRole('link', { name: LESSON.title }).click();
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/lessons/${LESSON.id}`);

    // code is highlighted by the lazily loaded highlighter
    await page.locator('article pre code.hljs .hljs-string').first().waitFor();

    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.getByRole('link', { name: 'Common mistakes' }).click();
    await page.waitForURL(`**/lessons/${LESSON.id}#common-mistakes`);
    await assertInViewport(page, '#common-mistakes');

    const checks = page.getByRole('region', { name: 'Check your understanding' });
    const first = checks.getByRole('form').first();
    if (await answersNeedAnAccount()) {
      // a server with sign-in grades answers only for signed-in learners: the reader says so
      await first.getByRole('radio', { name: /The chat API is stateless/ }).check();
      await first.getByRole('button', { name: 'Check answer' }).click();
      await first.getByText('Answers are checked for signed-in learners.', { exact: false }).waitFor();
      assert.equal(await first.getByRole('link', { name: 'Sign in' }).getAttribute('href'), '/login');
      errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('401')));
    } else {
      await first.getByRole('radio', { name: 'Resending history makes the provider cache the answer.' }).check();
      await first.getByRole('button', { name: 'Check answer' }).click();
      await first.getByText('Not quite.').waitFor();
      await first.getByText('Each call is independent.', { exact: false }).waitFor();
      await first.getByRole('radio', { name: /The chat API is stateless/ }).check();
      await first.getByRole('button', { name: 'Check answer' }).click();
      await first.getByText('Correct.').waitFor();

      const second = checks.getByRole('form').nth(1);
      await second.getByLabel('Your answer').fill('tool');
      await second.getByRole('button', { name: 'Check answer' }).click();
      await second.getByText('Correct.').waitFor();
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen({ page, errors }, 'lesson', 'The lesson reader');
    await close();
  });

  test('a deep link to a lesson section scrolls to it', async () => {
    const { page, close } = await newPage();
    await page.goto(`/lessons/${LESSON.id}#the-four-roles`);
    await page.getByRole('heading', { level: 2, name: 'The four roles' }).waitFor();
    await page.waitForFunction(() => {
      const top = document.getElementById('the-four-roles')?.getBoundingClientRect().top ?? -1;
      return top >= 0 && top < window.innerHeight / 2;
    });
    await assertInViewport(page, '#the-four-roles');
    await close();
  });

  test('an exercise keeps the typed draft across a reload and reveals hints one by one', async () => {
    const { page, errors, close } = await newPage();
    await page.goto('/');
    await page.getByRole('link', { name: EXERCISE.title }).click();
    await page.getByRole('heading', { level: 1, name: EXERCISE.title }).waitFor();

    const editor = page.getByRole('textbox', { name: 'Solution code (Python)' });
    await editor.waitFor();
    assert.match(await editor.innerText(), /def fit_messages/);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n# keep the system prompt first');
    await page.getByText(/^Draft saved at/).waitFor();

    await page.reload();
    await page.getByRole('textbox', { name: 'Solution code (Python)' }).waitFor();
    assert.match(await page.getByRole('textbox', { name: 'Solution code (Python)' }).innerText(), /# keep the system prompt first/);

    const hints = page.getByRole('region', { name: 'Hints' });
    const firstHint = await (await fetch(`${server.baseUrl}/api/content/exercises/${EXERCISE.id}/hints/1`)).json();
    const secondHint = await (await fetch(`${server.baseUrl}/api/content/exercises/${EXERCISE.id}/hints/2`)).json();
    await hints.getByRole('button', { name: /^Show hint 1 of \d+$/ }).click();
    await hints.getByText(firstHint.hint).waitFor();
    assert.equal(await hints.getByText(secondHint.hint).count(), 0);
    await hints.getByRole('button', { name: /^Show hint 2 of \d+$/ }).waitFor();
    assert.equal(await hints.getByRole('listitem').count(), 1);

    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen({ page, errors }, 'exercise', 'The exercise page');
    await close();
  });

  test('the skills page lists each skill after its prerequisites', async () => {
    const { page, errors, close } = await newPage();
    await page.goto('/skills');
    await page.locator('.skill-list > li').first().waitFor();
    const ids = await page.locator('.skill-list > li').evaluateAll((items) => items.map((li) => li.id));
    assert.ok(ids.length > 3, 'the skill graph is listed');
    const prerequisitePositions = await page.locator('.skill-list > li').evaluateAll((items) =>
      items.map((li, index) => ({
        index,
        prerequisites: Array.from(li.querySelectorAll('.prereqs a')).map((a) => a.getAttribute('href').slice(1)),
      })),
    );
    for (const { index, prerequisites } of prerequisitePositions) {
      for (const prerequisite of prerequisites) {
        assert.ok(ids.indexOf(prerequisite) < index, `${ids[index]} is listed before its prerequisite ${prerequisite}`);
      }
    }
    await checkScreen({ page, errors }, 'skills', 'The skills page');
    await close();
  });

  test('dark mode follows the system, can be switched and is remembered', async () => {
    const { page, close } = await newPage({ colorScheme: 'dark' });
    await page.goto(`/lessons/${LESSON.id}`);
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await screenshot(page, 'lesson-dark');
    await assertAccessible(page, 'The lesson reader in dark mode');

    await page.getByRole('button', { name: 'Dark mode' }).click();
    assert.notEqual(await background(), dark);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await close();
  });

  test('every main screen fits a 360 px wide phone', async () => {
    const { page, close } = await newPage({ width: 360, height: 740 });
    for (const [name, path, heading] of [
      ['catalogue', '/', 'Learn to build agents that work'],
      ['lesson', `/lessons/${LESSON.id}`, LESSON.title],
      ['exercise', `/exercises/${EXERCISE.id}`, EXERCISE.title],
      ['skills', '/skills', 'Skills'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the phone`);
      await screenshot(page, `${name}-phone`);
    }
    await close();
  });

  test('the app installs and keeps a lesson read once readable offline', async () => {
    const manifest = await (await fetch(`${server.baseUrl}/manifest.webmanifest`)).json();
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512'), 'the manifest has a large icon');

    const { page, context, close } = await newPage();
    await page.goto(`/lessons/${LESSON.id}`);
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    // from now on the service worker sees (and keeps) what the page loads
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The four roles' }).waitFor();
    await page.getByText('You are offline.', { exact: false }).waitFor();
    await screenshot(page, 'lesson-offline');

    await page.getByRole('link', { name: 'Skills' }).click();
    // a screen never opened online cannot come from the cache: the layout stays and says why
    await page.getByRole('alert').getByText('Check your connection', { exact: false }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await context.setOffline(false);
    await close();
  });

  test('a missing lesson is explained in a sentence', async () => {
    const { page, close } = await newPage();
    await page.goto('/lessons/no-such-lesson');
    const alert = page.getByRole('alert');
    await alert.getByText("Lesson 'no-such-lesson' was not found.").waitFor();
    await assertAccessible(page, 'The error state');
    await close();
  });
});
