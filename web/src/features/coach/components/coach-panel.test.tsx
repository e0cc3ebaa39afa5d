import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COACH_ANSWER, coachServer, coachSocket } from '../../../testing/mocks/coach-server';
import { server } from '../../../testing/mocks/server';
import { authSession } from '../../../lib/auth/session';
import { renderApp, signIn } from '../../../testing/test-utils';

async function askAboutTheFourRoles() {
  renderApp('/lessons/messages-and-roles');
  await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach about this section: The four roles' }));
  const coach = await screen.findByRole('region', { name: 'Coach' });
  const input = within(coach).getByLabelText('Your question');
  await waitFor(() => expect(input).toHaveValue('Explain the section “The four roles” of the lesson “Messages and roles”.'));
  expect(input).toHaveFocus();
  return coach;
}

function lastCoachAnswer(coach: HTMLElement) {
  const messages = within(within(coach).getByRole('list', { name: 'Conversation' })).getAllByRole('listitem');
  return messages[messages.length - 1];
}

describe('coach panel', () => {
  beforeEach(() => signIn());

  it('asks about a lesson section and streams a cited answer, showing the model and the allowance', async () => {
    const urls: string[] = [];
    server.use(
      coachSocket.addEventListener('connection', ({ client }) => {
        urls.push(client.url.toString());
      }),
    );
    const coach = await askAboutTheFourRoles();
    expect(within(coach).getByText(/Allowance left: US\$0\.95/)).toBeInTheDocument();
    await userEvent.click(within(coach).getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(coachServer.answering.size).toBe(0));
    const answer = await waitFor(() => {
      const item = lastCoachAnswer(coach);
      expect(item).toHaveAttribute('aria-busy', 'false');
      return item;
    });
    expect(answer).toHaveTextContent('Offline coach The four roles are system, user, assistant and tool [1].');
    const citation = within(answer).getByRole('link', { name: 'Source 1: Messages and roles — The four roles' });
    expect(within(answer).getByRole('link', { name: 'Messages and roles — The four roles' })).toHaveAttribute('href', '/lessons/messages-and-roles#the-four-roles');
    expect(citation).toHaveAttribute('href', '/lessons/messages-and-roles#the-four-roles');
    expect(within(coach).getByText(/Model: offline/)).toBeInTheDocument();
    expect(within(coach).getByText(/Allowance left: US\$0\.90/)).toBeInTheDocument();
    // the session belongs to the lesson and the socket was signed in
    const [session] = [...coachServer.sessions.values()];
    expect(session.session.lessonId).toBe('messages-and-roles');
    expect(urls[0]).toContain(`/api/coaching/ws?access_token=${await authSession.accessToken()}`);
  });

  it('gets the whole answer once after the connection drops mid-answer, without sending the question twice', async () => {
    coachServer.dropAfterTokens = 2;
    const coach = await askAboutTheFourRoles();
    await userEvent.click(within(coach).getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(coachServer.connections).toBe(2));
    await waitFor(() => expect(lastCoachAnswer(coach)).toHaveAttribute('aria-busy', 'false'));
    const items = within(within(coach).getByRole('list', { name: 'Conversation' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.chat-author')?.textContent?.split(' ')[0])).toEqual(['You', 'Coach']);
    expect(items[1].textContent).toContain('tool [1]');
    expect(coachServer.received).toHaveLength(1);
    const stored = [...coachServer.sessions.values()][0].messages;
    expect(stored.map((m) => m.content)).toEqual([expect.stringContaining('The four roles'), COACH_ANSWER]);
  });

  it('lists earlier sessions and shows one when picked', async () => {
    const earlier = coachServer.open('About tools');
    coachServer.append(earlier.id, 'learner', 'What is a tool?', null);
    coachServer.append(earlier.id, 'coach', 'A function the model may call.', 'offline');
    renderApp('/coach');
    const coach = await screen.findByRole('region', { name: 'Conversation' });
    await userEvent.selectOptions(await within(coach).findByLabelText('Session'), 'About tools');
    expect(await within(coach).findByText('A function the model may call.')).toBeInTheDocument();
  });

  it('asks a signed-out learner to sign in', async () => {
    authSession.end();
    const { http } = await import('msw');
    const { problem } = await import('../../../testing/mocks/handlers');
    server.use(http.get('*/api/coaching/sessions', () => problem(401, 'unauthorized', 'Authentication required', 'Sign in or send a valid bearer token or API key.')));
    renderApp('/coach');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign in or send a valid bearer token or API key.');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  });
});
