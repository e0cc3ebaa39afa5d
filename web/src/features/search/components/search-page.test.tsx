import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { learnerServer } from '../../../testing/mocks/learner-server';
import { renderApp, signIn } from '../../../testing/test-utils';

const result = (overrides: Record<string, unknown>) => ({
  sourceId: 'messages-and-roles',
  title: 'Messages and roles',
  section: 'The four roles',
  sectionAnchor: 'the-four-roles',
  snippet: 'plain',
  highlighted: 'The <mark>roles</mark> are four.',
  sourceType: 'lesson',
  track: 'llm-foundations',
  skills: [],
  score: 1,
  ...overrides,
});

describe('search', () => {
  beforeEach(() => signIn());

  it('shows results with the query words marked, linking to the exact section', async () => {
    learnerServer.searchResponse = {
      query: 'roles',
      results: [
        result({}),
        result({ sourceId: 'fit-messages-to-budget', title: 'Fit a budget', section: null, sectionAnchor: null, sourceType: 'hint', highlighted: 'Keep the system <mark>role</mark>.' }),
        result({ sourceId: 'doc-1', title: 'Team handbook', section: null, sectionAnchor: null, sourceType: 'document', highlighted: 'Our <mark>roles</mark>.' }),
      ],
    };
    renderApp('/search');
    await userEvent.type(await screen.findByLabelText('Search the curriculum'), 'roles');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('3 results for “roles”.')).toBeInTheDocument();
    const results = screen.getAllByRole('listitem');
    expect(within(results[0]).getByRole('link', { name: 'Messages and roles — The four roles' })).toHaveAttribute(
      'href',
      '/lessons/messages-and-roles#the-four-roles',
    );
    expect(results[0].querySelector('mark')).toHaveTextContent('roles');
    expect(within(results[1]).getByRole('link', { name: 'Fit a budget' })).toHaveAttribute('href', '/exercises/fit-messages-to-budget');
    expect(within(results[1]).getByText('Exercise hint')).toBeInTheDocument();
    expect(within(results[2]).queryByRole('link')).toBeNull();
  });

  it('never turns markup in a snippet into elements', async () => {
    learnerServer.searchResponse = {
      query: 'x',
      results: [result({ highlighted: '<img src=x onerror="window.hacked=1"><mark>x</mark>&lt;script&gt;alert(1)&lt;/script&gt;<b>b</b>' })],
    };
    renderApp('/search?q=x');
    const item = await screen.findByRole('listitem');
    const snippet = item.querySelector('.snippet')!;
    expect(snippet.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(snippet.querySelectorAll('mark')).toHaveLength(1);
    expect(snippet.textContent).toBe('<img src=x onerror="window.hacked=1">x<script>alert(1)</script><b>b</b>');
  });

  it('says so when nothing matches', async () => {
    renderApp('/search?q=zebra');
    expect(await screen.findByText('Nothing matches “zebra”. Try other words.')).toBeInTheDocument();
  });
});
