// End-to-end: a new learner's whole loop against the real server (embedded defaults, offline
// coach), in Debian's Chromium: sign-up, placement, a lesson, the coach about a section (streamed
// and cited), an exercise failed then solved, and mastery and path that change. Screenshots of
// each screen land in web/e2e-artifacts/; each screen passes the axe check.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeViolations, seriousViolations } from './support/axe.mjs';
import { launchBrowser } from './support/browser.mjs';
import { signUp, signedInContext } from './support/learner.mjs';
import { startServer } from './support/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = resolve(here, '..', 'e2e-artifacts');
mkdirSync(artifacts, { recursive: true });

const LESSON = { id: 'messages-and-roles', title: 'Messages, roles and the stateless chat API', section: 'The four roles' };
const EXERCISE = { id: 'fit-messages-to-budget', title: 'Fit a conversation into the context window' };
// the exercise's reference solution, as shipped in the curriculum
const REFERENCE = readFileSync(
  resolve(here, '..', '..', 'content', 'tracks', '01-llm-foundations', 'exercises', EXERCISE.id, 'reference.py'),
  'utf8',
);

let server;
let browser;

async function check(page, errors, name, description) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${description} is ${overflow}px wider than the window`);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${description} has accessibility violations:\n${describeViolations(violations)}`);
  assert.deepEqual(errors, [], `${description} logged errors`);
}

/** The dashboard's skills as {name: proficiency} and its path as the text of its steps. */
async function dashboardState(page) {
  await page.goto('/dashboard');
  await page.getByRole('heading', { level: 1, name: 'Your dashboard' }).waitFor();
  await page.locator('.next-activity, .dashboard-path p.muted').first().waitFor();
  await page.getByRole('region', { name: 'Your skills' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.dashboard .loading'));
  const skills = Object.fromEntries(
    await page
      .locator('.dashboard-skills [role="meter"]')
      .evaluateAll((meters) => meters.map((m) => [m.getAttribute('aria-label'), Number(m.getAttribute('aria-valuenow'))])),
  );
  // each step with its reason, and the chance to pass the next one (which moves with mastery)
  const path = await page.locator('.next-activity, .path-list > li').allInnerTexts();
  return { skills, path };
}

async function editorText(page) {
  return page.getByRole('textbox', { name: 'Solution code (Python)' }).innerText();
}

describe('a new learner', () => {
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('signs up, is placed, asks the coach, fails then solves an exercise, and sees mastery and path change', async () => {
    const learner = await signUp(server.baseUrl);
    const { page, errors, context } = await signedInContext(browser, server.baseUrl, learner);

    // 1. a fresh dashboard invites to the placement
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Your dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Take the placement' }).waitFor();
    await page.getByText('No estimates yet: take the placement to get them.').waitFor();
    await check(page, errors, 'dashboard-new', 'The dashboard of a new learner');

    // 2. the placement, one question at a time
    await page.getByRole('link', { name: 'Take the placement' }).click();
    await page.getByRole('button', { name: 'Start the placement' }).click();
    await page.getByText(/^Question 1 of at most \d+$/).waitFor();
    await check(page, errors, 'placement', 'The placement question');
    for (let asked = 1; asked <= 50; asked += 1) {
      const finished = page.getByRole('heading', { level: 2, name: 'Placement finished' });
      const question = page.getByText(new RegExp(`^Question ${asked} of at most \\d+$`));
      await Promise.race([finished.waitFor(), question.waitFor()]);
      if (await finished.isVisible()) {
        break;
      }
      const form = page.locator('form.placement-question');
      if ((await form.getByRole('radio').count()) > 0) {
        await form.getByRole('radio').first().check();
      } else {
        await form.getByLabel('Your answer').fill('tool');
      }
      await form.getByRole('button', { name: 'Answer' }).click();
      await page.getByText(new RegExp(`^Question ${asked} of at most`)).waitFor({ state: 'detached' });
    }
    const estimates = page.getByRole('group', { name: 'Estimated mastery per skill' });
    await estimates.getByRole('meter').first().waitFor();
    await check(page, errors, 'placement-result', 'The placement result');

    const placed = await dashboardState(page);
    assert.ok(Object.keys(placed.skills).length > 0, 'the placement gives mastery estimates');
    assert.ok(placed.path.length > 0, 'the placed learner has a path');
    await page.getByText(/Next best activity/).waitFor();
    assert.ok((await page.locator('.next-activity').innerText()).length > 40, 'the next activity says why');
    assert.equal(await page.getByRole('link', { name: 'Take the placement' }).count(), 0);

    // 3. a lesson, and the coach about one of its sections, streamed token by token and cited
    const frames = [];
    page.on('websocket', (socket) => {
      if (socket.url().includes('/api/coaching/ws')) {
        socket.on('framereceived', ({ payload }) => frames.push(JSON.parse(String(payload))));
      }
    });
    await page.goto(`/lessons/${LESSON.id}`);
    await page.getByRole('heading', { level: 1, name: LESSON.title }).waitFor();
    await page.getByRole('button', { name: `Ask the coach about this section: ${LESSON.section}` }).click();
    const coach = page.getByRole('region', { name: 'Coach' });
    const question = coach.getByLabel('Your question');
    assert.match(await question.inputValue(), /The four roles/);
    await coach.getByText('Connected').waitFor();
    await coach.getByRole('button', { name: 'Send' }).click();
    const answer = coach.locator('.chat-message.coach[aria-busy="false"]').last();
    await answer.getByText('Offline coach').waitFor({ timeout: 60_000 });
    const tokens = frames.filter((f) => f.event === 'token');
    const done = frames.find((f) => f.event === 'answer');
    assert.ok(tokens.length > 3, `the answer streamed in ${tokens.length} token frames`);
    assert.ok(done.data.citations.length > 0, 'the answer cites the curriculum');
    assert.match(await coach.getByText(/^Model: /).innerText(), /offline/);
    await coach.getByText(/Allowance left: US\$/).waitFor();
    const citation = answer.locator('a[href^="/lessons/"]').first();
    const href = await citation.getAttribute('href');
    assert.match(href, /^\/lessons\/[a-z0-9-]+(#[a-z0-9-]+)?$/);
    await check(page, errors, 'lesson-coach', 'The lesson with the coach');
    await citation.click();
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === href);

    // 4. an exercise: the starter code fails, the reference solution passes; the grading is
    // followed on the practice WebSocket, signed in with the session's access token
    const practiceFrames = [];
    page.on('websocket', (socket) => {
      if (socket.url().includes('/ws/practice')) {
        assert.match(socket.url(), /[?&]access_token=[^&]+/);
        socket.on('framereceived', ({ payload }) => practiceFrames.push(JSON.parse(String(payload))));
      }
    });
    await page.goto(`/exercises/${EXERCISE.id}`);
    await page.getByRole('heading', { level: 1, name: EXERCISE.title }).waitFor();
    await page.getByRole('textbox', { name: 'Solution code (Python)' }).waitFor();
    const solution = page.getByRole('region', { name: 'Your solution' });
    await solution.getByRole('button', { name: 'Submit' }).click();
    await solution.locator('.verdict-line', { hasText: 'Submission 1:' }).waitFor({ timeout: 60_000 });
    await solution.locator('.verdict.failed').waitFor();
    assert.ok((await solution.locator('.test-list li.failed').count()) > 0, 'the starter code fails some tests');

    const editor = page.getByRole('textbox', { name: 'Solution code (Python)' });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(REFERENCE);
    assert.match(await editorText(page), /available = context_window - reserve_for_output/);
    await solution.getByRole('button', { name: 'Run public tests' }).click();
    await solution.locator('.verdict-line', { hasText: 'Public tests:' }).waitFor({ timeout: 60_000 });
    assert.match(await solution.locator('.verdict').first().innerText(), /every test passed/);
    await solution.getByRole('button', { name: 'Submit' }).click();
    await solution.locator('.verdict-line', { hasText: 'Submission 2:' }).waitFor({ timeout: 60_000 });
    assert.match(await solution.locator('.verdict').first().innerText(), /every test passed/);

    assert.ok(
      practiceFrames.some((f) => f.type === 'result'),
      `the graded result arrived over /ws/practice: ${JSON.stringify(practiceFrames.map((f) => f.type))}`,
    );

    const history = page.getByRole('region', { name: 'Your submissions' });
    await history.getByText(/^Submission 2 solved/).waitFor();
    await history.getByText('Changes since submission 1').click();
    await history.locator('.diff-line.added').first().waitFor();
    await check(page, errors, 'exercise-solved', 'The exercise after solving it');

    // 5. mastery and path reflect the solved exercise (mastery is updated once the grade is recorded)
    let solved;
    for (let i = 0; i < 30; i += 1) {
      solved = await dashboardState(page);
      const changed = Object.entries(solved.skills).some(([skill, value]) => value !== placed.skills[skill]);
      if (changed && JSON.stringify(solved.path) !== JSON.stringify(placed.path)) {
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(
      Object.entries(solved.skills).some(([skill, value]) => value > (placed.skills[skill] ?? 0)),
      `a skill's mastery rose: ${JSON.stringify(placed.skills)} -> ${JSON.stringify(solved.skills)}`,
    );
    assert.notDeepEqual(solved.path, placed.path, 'the path changed');
    const recent = page.getByRole('region', { name: 'Recent results' });
    await recent.getByRole('link', { name: EXERCISE.title }).first().waitFor();
    assert.match(await recent.innerText(), /submission 2, solved/);
    assert.ok(Number(await page.locator('.streak-number').innerText()) >= 1, 'answering today starts a streak');
    await check(page, errors, 'dashboard', 'The dashboard');

    // 6. search, with highlighted results that link to the exact section
    await page.goto('/search?q=tool%20result%20role');
    const results = page.locator('.result-list');
    await results.locator('mark').first().waitFor({ timeout: 60_000 });
    const first = results.locator('a[href*="#"]').first();
    assert.match(await first.getAttribute('href'), /^\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/);
    await check(page, errors, 'search', 'The search page');

    // 7. the coach's session list keeps the conversation about the lesson
    await page.goto('/coach');
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByLabel('Session').locator('option', { hasText: LESSON.title }).waitFor({ state: 'attached' });
    await conversation.getByLabel('Session').selectOption({ label: LESSON.title });
    await conversation.locator('.chat-message.coach').getByText('Offline coach').waitFor();
    await check(page, errors, 'coach', 'The coach page');

    // 8. the new screens fit a 360 px phone
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [name, path, heading] of [
      ['dashboard', '/dashboard', 'Your dashboard'],
      ['placement', '/placement', 'Placement'],
      ['search', '/search?q=agent', 'Search'],
      ['coach', '/coach', 'Coach'],
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than the phone`);
      await page.screenshot({ path: join(artifacts, `${name}-phone.png`), fullPage: true });
    }
    await context.close();
  });
});
