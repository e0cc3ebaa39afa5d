import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { plansServer } from '../../../testing/mocks/plans-server';
import { practiceServer, verdictOf, gradeCode } from '../../../testing/mocks/practice-server';
import { renderApp, signIn } from '../../../testing/test-utils';

const EXERCISE = 'fit-messages-to-budget';

async function openPlans() {
  const app = renderApp('/plans');
  await screen.findByRole('heading', { level: 1, name: 'Plans' });
  const form = await screen.findByRole('form', { name: 'New plan' });
  return { app, form };
}

function gradedSubmission(attemptNumber = 1) {
  const id = `10000000-0000-4000-8000-99999999999${attemptNumber}`;
  const submission = {
    id,
    attemptId: 'a-1',
    exerciseId: EXERCISE,
    attemptNumber,
    status: 'graded',
    submittedAt: new Date().toISOString(),
    gradedAt: new Date().toISOString(),
    verdict: verdictOf(gradeCode('def fit(): pass')),
    code: 'def fit(): pass',
  };
  practiceServer.submissions.set(id, submission);
  return submission;
}

describe('plans', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists plans and reviews newest first with their kind, goal or exercise, and date', async () => {
    const submission = gradedSubmission();
    plansServer.add({ kind: 'PLAN', goal: 'Older plan', createdAt: '2026-01-01T10:00:00Z' });
    plansServer.add({ kind: 'REVIEW', submissionId: submission.id, createdAt: '2026-02-01T10:00:00Z' });
    plansServer.add({ kind: 'PLAN', goal: 'Newest plan', createdAt: '2026-03-01T10:00:00Z' });
    await openPlans();

    const items = await waitFor(() => {
      const found = document.querySelectorAll('.plan-list > li');
      expect(found).toHaveLength(3);
      return [...found];
    });
    expect(items.map((li) => li.querySelector('.badge')?.textContent)).toEqual(['Plan', 'Review', 'Plan']);
    expect(items[0]).toHaveTextContent('Newest plan');
    expect(items[0].querySelector('time')).toHaveAttribute('dateTime', '2026-03-01T10:00:00Z');
    await waitFor(() => expect(items[1]).toHaveTextContent('Review of submission 1 of Fit messages to a token budget'));
    expect(within(items[2] as HTMLElement).getByRole('link', { name: 'Older plan' })).toHaveAttribute('href', expect.stringMatching(/^\/plans\//));
  });

  it('writes a plan while showing the crew at work, then opens the stored plan, which the list then holds', async () => {
    let release!: () => void;
    plansServer.gate = new Promise<void>((r) => (release = r));
    const { app, form } = await openPlans();
    await userEvent.type(within(form).getByLabelText('Your goal, in your words (optional)'), 'Ship a support agent');
    const skill = within(form).getByLabelText('Goal skill (optional)');
    await within(skill).findByRole('option', { name: 'Token budgets' });
    await userEvent.selectOptions(skill, 'Token budgets');
    await userEvent.click(within(form).getByRole('button', { name: 'Write my plan' }));

    const progress = await screen.findByRole('region', { name: 'Writing your plan' });
    expect(await within(progress).findByText('The coach’s draft')).toBeInTheDocument();
    expect(within(progress).getByText('Ship a support agent')).toBeInTheDocument();
    expect(within(progress).getByRole('log')).toHaveTextContent('The coach finished the draft.');
    expect(within(progress).getByText(/Offline crew: no AI model is used/)).toBeInTheDocument();
    expect(within(progress).getByText('The coach drafts the plan').closest('li')).toHaveTextContent('done');
    expect(within(form).getByRole('button', { name: 'Writing the plan…' })).toBeDisabled();
    expect(within(form).getByLabelText('Your goal, in your words (optional)')).toBeDisabled();
    expect(plansServer.requests).toEqual([{ goal: 'Ship a support agent', goalSkillId: 'budgets' }]);

    release();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Ship a support agent' });
    expect(app.router.state.location.pathname).toBe(`/plans/${plansServer.documents[0].id}`);
    const plan = heading.closest('article')!;
    expect(within(plan).getByText('Learning plan')).toBeInTheDocument();
    expect(within(plan).getByText('Offline coach', { selector: '.badge' })).toBeInTheDocument();
    expect(within(plan).getByText(/None needed: every activity comes after its prerequisites/)).toBeInTheDocument();
    expect(within(plan.querySelector<HTMLElement>('.plan-content')!).getByRole('link', { name: '[messages-and-roles]' })).toHaveAttribute('href', '/lessons/messages-and-roles');
    expect(within(plan).getByText('The coach’s draft, before the mentor’s corrections')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: '← All plans and reviews' }));
    expect(await screen.findByRole('link', { name: 'Ship a support agent' })).toBeInTheDocument();
  });

  it('shows a refused request as the server\'s problem and writes the plan on Try again', async () => {
    plansServer.refuse = { status: 429, slug: 'rate-limited', title: 'Too Many Requests', detail: 'Too many requests; try again in 20 seconds' };
    const { form } = await openPlans();
    await userEvent.click(within(form).getByRole('button', { name: 'Write my plan' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your plan could not be written');
    expect(alert).toHaveTextContent('Too many requests; try again in 20 seconds.');
    expect(within(form).getByRole('button', { name: 'Write my plan' })).toBeEnabled();

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your stated goal' })).toBeInTheDocument();
    expect(plansServer.requests).toEqual([{}, {}]);
  });

  it('says when the connection drops mid-stream, keeping what was written, and offers a retry', async () => {
    plansServer.cutAfterDraft = true;
    const { form } = await openPlans();
    await userEvent.click(within(form).getByRole('button', { name: 'Write my plan' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The connection was lost before the server finished.');
    expect(screen.getByText(/finishes the plan anyway: check your list before trying again/)).toBeInTheDocument();
    expect(screen.getByText('The coach’s draft')).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('stops following the crew on Stop and frees the form, then shows the plan once the server stored it', async () => {
    let release!: () => void;
    plansServer.gate = new Promise<void>((r) => (release = r));
    plansServer.add({ kind: 'PLAN', goal: 'An older plan', createdAt: '2026-01-01T10:00:00Z' });
    const { form } = await openPlans();
    await screen.findByRole('link', { name: 'An older plan' });
    await userEvent.click(within(form).getByRole('button', { name: 'Write my plan' }));
    const progress = await screen.findByRole('region', { name: 'Writing your plan' });
    await within(progress).findByText('The coach’s draft');

    await userEvent.click(within(progress).getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText(/Stopped following\. The crew finishes on the server all the same/)).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Write my plan' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.queryByText(/your plan is stored/)).toBeNull();

    // the crew finishes on the server after the learner stopped following: the page notices alone
    release();
    const stored = await screen.findByRole('status', {}, { timeout: 5000 }).then((status) =>
      within(status).findByText(/The crew finished on the server: your plan is stored\./, {}, { timeout: 5000 }),
    );
    const mine = plansServer.documents.find((document) => document.goal === 'Your stated goal')!;
    expect(within(stored).getByRole('link', { name: 'Open your plan' })).toHaveAttribute('href', `/plans/${mine.id}`);
    expect(screen.queryByText(/Stopped following\./)).toBeNull();
    await waitFor(() => expect(document.querySelectorAll('.plan-list > li')).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'Your stated goal' })).toHaveAttribute('href', `/plans/${mine.id}`);
  });

  it('asks signed-out visitors to sign in', async () => {
    const { authSession } = await import('../../../lib/auth/session');
    authSession.end();
    renderApp('/plans');
    expect(await screen.findByText('Sign in to see your plans.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New plan' })).toBeNull();
  });

  it('reads another learner\'s or a deleted plan as not found', async () => {
    renderApp('/plans/20000000-0000-4000-8000-000000000999');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The plan could not be loaded');
    expect(alert).toHaveTextContent('was not found');
  });
});

describe('reviewing a submission', () => {
  beforeEach(() => {
    signIn();
  });

  it('offers a review for a graded submission, follows the crew, then shows and links the stored review', async () => {
    const submission = gradedSubmission();
    const app = renderApp(`/exercises/${EXERCISE}`);
    const history = await screen.findByRole('region', { name: 'Your submissions' });
    await userEvent.click(await within(history).findByRole('button', { name: 'Review this submission (number 1)' }));

    const result = await within(history).findByRole('region', { name: 'Review of submission 1' });
    expect(within(history).getByRole('region', { name: 'How your review was written' })).toBeInTheDocument();
    expect(within(result).getByText('test_drops_oldest_turn')).toBeInTheDocument();
    const source = within(result).getByRole('link', { name: 'Messages and roles — The four roles' });
    expect(source).toHaveAttribute('href', '/lessons/messages-and-roles#the-four-roles');
    expect(plansServer.requests).toEqual([{ submissionId: submission.id }]);

    await userEvent.click(within(result).getByRole('link', { name: 'Open this review' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Review of submission 1 of Fit messages to a token budget' }),
    ).toBeInTheDocument();
    expect(app.router.state.location.pathname).toBe(`/reviews/${plansServer.documents[0].id}`);
    expect(screen.getByText('Code review')).toBeInTheDocument();
  });

  it('shows the review in place when the crew stored it after the learner stopped following', async () => {
    const submission = gradedSubmission();
    const other = gradedSubmission(2);
    plansServer.add({ kind: 'REVIEW', submissionId: other.id, createdAt: '2026-01-01T10:00:00Z' });
    let release!: () => void;
    plansServer.gate = new Promise<void>((r) => (release = r));
    renderApp(`/exercises/${EXERCISE}`);
    const history = await screen.findByRole('region', { name: 'Your submissions' });
    await userEvent.click(await within(history).findByRole('button', { name: 'Review this submission (number 1)' }));
    const progress = await within(history).findByRole('region', { name: 'Writing your review' });
    await within(progress).findByText('The coach’s draft');
    await userEvent.click(within(progress).getByRole('button', { name: 'Stop' }));
    await within(history).findByText(/Stopped following\./);
    // the review is watched for by the id the server announced: another submission's older review is not it
    expect(within(history).queryByRole('region', { name: 'Review of submission 1' })).toBeNull();

    release();
    const result = await within(history).findByRole('region', { name: 'Review of submission 1' }, { timeout: 5000 });
    const mine = plansServer.documents.find((document) => document.submissionId === submission.id)!;
    expect(within(result).getByRole('link', { name: 'Open this review' })).toHaveAttribute('href', `/reviews/${mine.id}`);
    expect(within(history).getByText(/your review is stored/)).toBeInTheDocument();
  });

  it('offers no review for a submission still being graded', async () => {
    gradedSubmission();
    const pending = gradedSubmission(2);
    Object.assign(pending, { status: 'grading', verdict: null, gradedAt: null });
    renderApp(`/exercises/${EXERCISE}`);
    const history = await screen.findByRole('region', { name: 'Your submissions' });
    await within(history).findByRole('button', { name: 'Review this submission (number 1)' });
    expect(within(history).getAllByRole('button', { name: /Review this submission/ })).toHaveLength(1);
  });
});
