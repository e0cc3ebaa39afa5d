// End-to-end: learning plans and code reviews against the real server (embedded defaults, offline
// coach, which the coach + mentor crews fall back to): a learner asks for a plan and follows the
// crew as it writes (streamed as server-sent events over fetch, signed in with the bearer token),
// reads the stored plan, finds it in the list, then has a graded submission reviewed. Each screen
// is screenshotted into web/e2e-artifacts/, fits a 360 px phone and passes the axe check.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { signUp, signedInContext } from './support/learner.mjs';
import { assertFitsWidth, checkScreen } from './support/pages.mjs';
import { startServer } from './support/server.mjs';

const EXERCISE = { id: 'fit-messages-to-budget', title: 'Fit a conversation into the context window' };
const GOAL = 'Build a support agent that stays within its token budget';

let server;
let browser;

/** Records each sentence the crew's progress log announces to screen readers, as it grows. */
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => {
      const seen = window.__announced;
      const log = [...document.querySelectorAll('.crew-progress [role="log"] p')].map((p) => p.textContent);
      // the log only grows while one crew runs; keep what this render added
      for (const sentence of log.slice(seen.filter((s) => s !== '(text shown)').length)) {
        seen.push(sentence);
      }
      if (document.querySelector('.crew-text') && !seen.includes('(text shown)')) {
        seen.push('(text shown)');
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

describe('plans and reviews', () => {
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a learner asks for a plan, follows the crew, reads and finds the plan, and has a graded submission reviewed', async () => {
    const learner = await signUp(server.baseUrl);
    const { page, errors, context } = await signedInContext(browser, server.baseUrl, learner);

    // 1. the new-plan form, with the skills the app knows to pick a goal from
    await page.goto('/plans');
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await page.getByText('No plans or reviews yet.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'New plan' });
    const skill = form.getByLabel('Goal skill (optional)');
    await page.waitForFunction(() => document.querySelectorAll('.new-plan-form select option').length > 2);
    await checkScreen({ page, errors }, 'plans-empty', 'The plans page of a new learner');
    await form.getByLabel('Your goal, in your words (optional)').fill(GOAL);
    const skillOption = skill.locator('option').nth(1);
    const skillId = await skillOption.getAttribute('value');
    await skill.selectOption(skillId);

    // 2. the crew writes it, followed live; then the stored plan opens. The offline crew answers at
    // once, so on a fast local connection its events can arrive in one read and render together
    // (the log still announces each step). A learner's slow connection, or a model writing for
    // seconds, spreads them out; the test throttles the browser's network while the crew streams,
    // so the draft has to be shown before the mentor's version arrives.
    const network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 1500, uploadThroughput: -1 });
    await recordAnnouncements(page);
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/coaching/plans') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Write my plan' }).click();
    const response = await streamed;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/event-stream/);
    assert.match(await response.request().headerValue('authorization'), /^Bearer /);
    assert.deepEqual(JSON.parse(response.request().postData()), { goal: GOAL, goalSkillId: skillId });
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/, { timeout: 120_000 });
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // (Chromium keeps no body of a streamed fetch response to read back; the page shows what arrived.)
    const announced = await page.evaluate(() => window.__announced);
    assert.ok(announced.includes('The coach is writing a draft of your plan.'), `the progress said who works: ${JSON.stringify(announced)}`);
    assert.ok(announced.includes('(text shown)'), `the crew's text was shown while it worked: ${JSON.stringify(announced)}`);

    const plan = page.locator('article.plan-document');
    await page.getByRole('heading', { level: 1, name: GOAL }).waitFor();
    await plan.locator('.plan-header .badge', { hasText: 'Offline coach' }).waitFor();
    await plan.getByText("Mentor's corrections").waitFor();
    assert.ok((await plan.locator('.plan-content li').count()) > 0, 'the plan lists activities');
    const activity = plan.locator('.plan-content a[href^="/lessons/"], .plan-content a[href^="/exercises/"]').first();
    assert.match(await activity.getAttribute('href'), /^\/(lessons|exercises)\/[a-z0-9-]+$/);
    await checkScreen({ page, errors }, 'plan', 'A stored plan');
    const planUrl = page.url();

    // 3. the list holds it
    await page.getByRole('link', { name: '← All plans and reviews' }).click();
    const listed = page.locator('.plan-list li', { hasText: GOAL });
    await listed.getByText('Plan', { exact: true }).waitFor();
    assert.equal(new URL(await listed.getByRole('link', { name: GOAL }).evaluate((a) => a.href)).href, planUrl);

    // 4. a graded submission of an exercise, reviewed from the submission history
    await page.goto(`/exercises/${EXERCISE.id}`);
    await page.getByRole('heading', { level: 1, name: EXERCISE.title }).waitFor();
    const solution = page.getByRole('region', { name: 'Your solution' });
    await solution.getByRole('button', { name: 'Submit' }).click();
    await solution.locator('.verdict-line', { hasText: 'Submission 1:' }).waitFor({ timeout: 60_000 });
    const history = page.getByRole('region', { name: 'Your submissions' });
    await history.getByRole('button', { name: 'Review this submission (number 1)' }).click();
    const review = history.getByRole('region', { name: 'Review of submission 1' });
    await review.waitFor({ timeout: 120_000 });
    await history.getByRole('region', { name: 'How your review was written' }).waitFor();
    await review.getByText('Test results').waitFor();
    assert.match(await review.innerText(), /tests passed/);
    await checkScreen({ page, errors }, 'exercise-review', 'The exercise with a review');
    await review.getByRole('link', { name: 'Open this review' }).click();
    await page.getByRole('heading', { level: 1, name: `Review of submission 1 of ${EXERCISE.title}` }).waitFor();
    await checkScreen({ page, errors }, 'review', 'A stored review');

    await page.goto('/plans');
    await page.locator('.plan-list li', { hasText: `Review of submission 1 of ${EXERCISE.title}` }).waitFor();
    assert.deepEqual(await page.locator('.plan-list .badge').allInnerTexts(), ['Review', 'Plan'], 'newest first');

    // 5. a phone
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [name, url] of [['plans', '/plans'], ['plan', planUrl]]) {
      await page.goto(url);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      await assertFitsWidth(page, `${name} on a phone`);
    }
    await checkScreen({ page, errors }, 'plan-phone', 'A stored plan on a phone');
    await context.close();
  });
});
