import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { learnerServer } from '../../../testing/mocks/learner-server';
import { practiceServer, verdictOf, gradeCode } from '../../../testing/mocks/practice-server';
import { renderApp, signIn } from '../../../testing/test-utils';

function today(hour: number, daysAgo = 0) {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
}

describe('dashboard', () => {
  beforeEach(() => signIn());

  it('shows the next best activity with its reason, the streak, recent results and skills', async () => {
    const submissionId = '10000000-0000-4000-8000-00000000abcd';
    practiceServer.submissions.set(submissionId, {
      id: submissionId,
      attemptId: 'a',
      exerciseId: 'fit-messages-to-budget',
      attemptNumber: 2,
      status: 'graded',
      submittedAt: today(9),
      gradedAt: today(9),
      verdict: verdictOf(gradeCode('# solved')),
      code: '',
    });
    learnerServer.placement = { id: 'p1', status: 'FINISHED', answers: [], skipped: false };
    learnerServer.history.set('messages', [
      { attemptId: 'placement:p1:1', mastery: 0.6, proficiency: 60, occurredAt: today(8, 1) },
      { attemptId: submissionId, mastery: 0.85, proficiency: 85, occurredAt: today(9) },
    ]);
    learnerServer.history.set('tokens', [{ attemptId: 'placement:p1:2', mastery: 0.3, proficiency: 30, occurredAt: today(8, 1) }]);

    renderApp('/dashboard');
    const next = await screen.findByText(/Next best activity/);
    const card = next.closest('.card') as HTMLElement;
    expect(within(card).getByRole('link', { name: 'Fit messages to a token budget' })).toHaveAttribute('href', '/exercises/fit-messages-to-budget');
    expect(card).toHaveTextContent('Token budgets is unlocked: you have mastered Tokens.');
    expect(card).toHaveTextContent('Chance you pass it now: 62%');
    expect(screen.getByRole('link', { name: 'Messages and roles' })).toHaveAttribute('href', '/lessons/messages-and-roles');

    const streak = screen.getByRole('region', { name: 'Streak' });
    expect(await within(streak).findByText('2')).toBeInTheDocument();

    const recent = screen.getByRole('region', { name: 'Recent results' });
    const solved = await within(recent).findByRole('link', { name: 'Fit messages to a token budget' });
    expect(solved.closest('li')).toHaveTextContent('submission 2, solved');
    expect(within(recent).getAllByText('A placement answer')).toHaveLength(2);

    const skills = screen.getByRole('region', { name: 'Your skills' });
    expect(within(skills).getAllByRole('meter').map((m) => m.getAttribute('aria-valuetext'))).toEqual(['85% mastered', '30% mastered']);
    // a finished placement is not offered again
    expect(screen.queryByRole('link', { name: 'Take the placement' })).toBeNull();

    const tracks = await screen.findByRole('region', { name: 'Exercises solved' });
    expect(within(tracks).getByRole('progressbar', { name: '01-llm-foundations: exercises solved' })).toHaveAttribute('value', '1');
    expect(tracks).toHaveTextContent('1 of 6');
  });

  it('invites a new learner to the placement and sets a goal', async () => {
    renderApp('/dashboard');
    expect(await screen.findByRole('link', { name: 'Take the placement' })).toHaveAttribute('href', '/placement');
    expect(await screen.findByText('No estimates yet: take the placement to get them.')).toBeInTheDocument();
    const goal = await screen.findByLabelText('Your goal');
    await within(goal).findByRole('option', { name: 'Token budgets' });
    await userEvent.selectOptions(goal, 'Token budgets');
    expect(await screen.findByText('About 7 activities (95 min) until you master it.')).toBeInTheDocument();
    expect(learnerServer.goal).toBe('budgets');
  });
});
