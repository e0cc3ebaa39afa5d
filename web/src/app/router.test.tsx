import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { problem } from '../testing/mocks/handlers';
import { server } from '../testing/mocks/server';
import { renderApp } from '../testing/test-utils';

describe('app shell', () => {
  afterEach(() => {
    delete document.documentElement.dataset.theme;
  });

  it('opens on the catalogue with tracks, lessons and exercises and their effort', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'LLM foundations' })).toBeInTheDocument();
    const lesson = screen.getByRole('link', { name: 'Messages and roles' });
    expect(lesson).toHaveAttribute('href', '/lessons/messages-and-roles');
    expect(within(lesson.closest('li')!).getByText('15 min')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fit messages to a token budget' })).toHaveAttribute(
      'href',
      '/exercises/fit-messages-to-budget',
    );
    expect(await screen.findByText('ready')).toBeInTheDocument();
  });

  it('shows why the catalogue is missing and retries on request', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/content/tracks', () => {
        calls += 1;
        return calls === 1
          ? problem(503, 'unavailable', 'Service Unavailable', 'The database is down')
          : HttpResponse.json([]);
      }),
    );
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The catalogue could not be loaded');
    expect(alert).toHaveTextContent('The database is down.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The curriculum on this server has no tracks yet.')).toBeInTheDocument();
  });

  it('reports the server as not ready when it cannot be reached', async () => {
    server.use(http.get('*/actuator/health/readiness', () => HttpResponse.error()));
    renderApp('/');
    expect(await screen.findByText('not ready')).toBeInTheDocument();
  });

  it('has a skip link to the main landmark and a labelled main navigation', async () => {
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Skills' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Skills' })).toBeInTheDocument();
  });

  it('lists skills after their prerequisites, linking to them', async () => {
    renderApp('/skills');
    const items = await screen.findAllByRole('heading', { level: 2 });
    expect(items.map((h) => h.textContent)).toEqual(['Messages', 'Tokens', 'Token budgets']);
    const budgets = items[2].closest('li')!;
    expect(within(budgets).getByRole('link', { name: 'Tokens' })).toHaveAttribute('href', '#skill-tokens');
  });

  it('remembers dark mode once chosen', async () => {
    const first = renderApp('/');
    const toggle = await screen.findByRole('button', { name: 'Dark mode' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('dark');
    first.unmount();
    renderApp('/');
    expect(await screen.findByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('tells the learner when the browser goes offline and back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderApp('/');
    await screen.findByRole('heading', { name: 'LLM foundations' });
    window.dispatchEvent(new Event('offline'));
    expect(await screen.findByText(/You are offline\./)).toBeInTheDocument();
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.queryByText(/You are offline\./)).not.toBeInTheDocument());
    onLine.mockRestore();
  });

  it('offers sign-in in the header, leading to the sign-in screen', async () => {
    renderApp('/skills');
    await userEvent.click(await screen.findByRole('link', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue to sign in' })).toBeEnabled();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/signup?returnTo=%2Fskills');
  });

  it('shows a not-found page for unknown routes', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
