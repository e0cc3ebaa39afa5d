import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { learnerServer } from '../../../testing/mocks/learner-server';
import { renderApp, signIn } from '../../../testing/test-utils';

describe('placement', () => {
  beforeEach(() => signIn());

  it('asks one question at a time, moving the focus to each, then shows the estimates', async () => {
    renderApp('/placement');
    await userEvent.click(await screen.findByRole('button', { name: 'Start the placement' }));

    const first = await screen.findByRole('heading', { level: 2, name: 'Why resend earlier turns?' });
    expect(first).toHaveFocus();
    expect(screen.getByText('Question 1 of at most 15')).toBeInTheDocument();
    const answer = screen.getByRole('button', { name: 'Answer' });
    expect(answer).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: 'The API is stateless' }));
    await userEvent.click(answer);

    const second = await screen.findByRole('heading', { level: 2, name: 'Which role carries a tool result?' });
    expect(second).toHaveFocus();
    expect(screen.getByText('Question 2 of at most 15')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Your answer'), 'tool');
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));

    expect(await screen.findByRole('heading', { name: 'Placement finished' })).toBeInTheDocument();
    const estimates = screen.getByRole('group', { name: 'Estimated mastery per skill' });
    const meters = within(estimates).getAllByRole('meter');
    expect(meters.map((m) => [m.getAttribute('aria-label'), m.getAttribute('aria-valuenow')])).toEqual([
      ['Messages', '80'],
      ['Tokens', '80'],
    ]);
    expect(learnerServer.placement?.answers).toEqual([
      { itemId: 'messages-and-roles/why-resend', answer: '1' },
      { itemId: 'messages-and-roles/tool-role', answer: 'tool' },
    ]);
    expect(screen.getByRole('link', { name: 'Go to your dashboard' })).toHaveAttribute('href', '/dashboard');
  });

  it('continues a placement left halfway', async () => {
    learnerServer.placement = { id: 'p1', status: 'IN_PROGRESS', answers: [{ itemId: 'messages-and-roles/why-resend', answer: '1' }], skipped: false };
    renderApp('/placement');
    expect(await screen.findByRole('heading', { level: 2, name: 'Which role carries a tool result?' })).toBeInTheDocument();
  });

  it('can be skipped to start from zero', async () => {
    renderApp('/placement');
    await userEvent.click(await screen.findByRole('button', { name: 'Skip it and start from zero' }));
    expect(await screen.findByRole('heading', { name: 'You start from the beginning' })).toBeInTheDocument();
  });

  it('explains a refused answer in a sentence', async () => {
    learnerServer.placement = { id: 'p1', status: 'IN_PROGRESS', answers: [], skipped: false };
    renderApp('/placement');
    await screen.findByRole('heading', { level: 2, name: 'Why resend earlier turns?' });
    learnerServer.placement.status = 'FINISHED';
    await userEvent.click(screen.getByRole('radio', { name: 'For caching' }));
    await userEvent.click(screen.getByRole('button', { name: 'Answer' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your answer could not be saved');
    expect(alert).toHaveTextContent('No placement is in progress; start one first.');
  });
});
