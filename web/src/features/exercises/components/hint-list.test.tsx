import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { HINTS } from '../../../testing/data-generators';
import { server } from '../../../testing/mocks/server';
import { renderApp } from '../../../testing/test-utils';

describe('hints', () => {
  it('asks the server for each hint only when the learner reveals it, one at a time', async () => {
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/hints/')) {
        asked.push(new URL(request.url).pathname.split('/').pop()!);
      }
    });
    renderApp('/exercises/fit-messages-to-budget');
    const hints = await screen.findByRole('region', { name: 'Hints' });
    expect(asked).toEqual([]);

    await userEvent.click(within(hints).getByRole('button', { name: 'Show hint 1 of 3' }));
    expect(await within(hints).findByText(HINTS[0])).toBeInTheDocument();
    expect(within(hints).queryByText(HINTS[1])).not.toBeInTheDocument();

    await userEvent.click(within(hints).getByRole('button', { name: 'Show hint 2 of 3' }));
    expect(await within(hints).findByText(HINTS[1])).toBeInTheDocument();
    await userEvent.click(within(hints).getByRole('button', { name: 'Show hint 3 of 3' }));
    expect(await within(hints).findByText(HINTS[2])).toBeInTheDocument();

    expect(within(hints).getByText('All 3 hints are shown.')).toBeInTheDocument();
    expect(within(hints).queryByRole('button')).not.toBeInTheDocument();
    expect(asked).toEqual(['1', '2', '3']);
    server.events.removeAllListeners();
  });

  it('shows a failed hint as a sentence with a retry', async () => {
    server.use(http.get('*/api/content/exercises/:id/hints/:n', () => new Response(null, { status: 503 })));
    renderApp('/exercises/fit-messages-to-budget');
    const hints = await screen.findByRole('region', { name: 'Hints' });
    await userEvent.click(within(hints).getByRole('button', { name: 'Show hint 1 of 3' }));
    const alert = await within(hints).findByRole('alert');
    expect(alert).toHaveTextContent('Hint 1 could not be loaded');
    expect(alert).toHaveTextContent('The service is unavailable right now; try again later.');
    expect(within(hints).getByRole('button', { name: 'Show hint 2 of 3' })).toBeDisabled();
  });
});
