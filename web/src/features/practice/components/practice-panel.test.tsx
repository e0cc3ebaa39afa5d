import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { exerciseWithThreeHints } from '../../../testing/data-generators';
import { practiceServer, SOLVED_MARKER, verdictOf } from '../../../testing/mocks/practice-server';
import { server } from '../../../testing/mocks/server';
import { renderApp, signIn } from '../../../testing/test-utils';

const EXERCISE = 'fit-messages-to-budget';
const FAILING = 'def fit(messages, budget):\n    return messages\n';
const SOLVED = `def fit(messages, budget):\n    return messages[-budget:]\n${SOLVED_MARKER}\n`;

function withDraft(code: string) {
  // the exercises feature keeps drafts under this key (features do not import each other)
  localStorage.setItem(`agentcoach.draft.${EXERCISE}`, JSON.stringify({ code, savedAt: new Date().toISOString() }));
}

async function openExercise() {
  renderApp(`/exercises/${EXERCISE}`);
  await screen.findByRole('heading', { level: 1, name: 'Fit messages to a token budget' });
  return screen.findByRole('region', { name: 'Your solution' });
}

describe('practice', () => {
  beforeEach(() => {
    signIn();
    // the starter code here already solves it, so "Reset to starter code" is the fix
    server.use(http.get('*/api/content/exercises/:id', () => HttpResponse.json(exerciseWithThreeHints({ starterCode: SOLVED }))));
  });

  it('runs the public tests and shows failure messages as plain text, terminal escapes removed', async () => {
    withDraft(FAILING);
    const solution = await openExercise();
    await userEvent.click(within(solution).getByRole('button', { name: 'Run public tests' }));

    const failed = await within(solution).findByText('test_drops_oldest_turn');
    const item = failed.closest('li')!;
    expect(item).toHaveTextContent('failed');
    const message = item.querySelector('pre')!;
    expect(message.textContent).toContain('AssertionError: expected 3 <b>got 4</b>');
    expect(message.textContent).toContain('[2 terminal control sequences removed]');
    expect(message.querySelector('b')).toBeNull();
    expect(solution.querySelector('.verdict-line')).toHaveTextContent('Public tests: not yet. 1 of 2 tests passed.');
  });

  it('names the limit that stopped a run and shows hostile output as text', async () => {
    practiceServer.runVerdict = verdictOf([], {
      status: 'timeout',
      limit: 'the wall-clock limit of 10 s',
      passed: false,
      score: 0,
      stdout: '<script>alert(1)</script>\u001b[2Jcleared',
    });
    withDraft('while True: pass\n');
    const solution = await openExercise();
    await userEvent.click(within(solution).getByRole('button', { name: 'Run public tests' }));
    expect(await within(solution).findByText('Stopped by a limit: the wall-clock limit of 10 s.')).toBeInTheDocument();
    const output = within(solution).getByLabelText('Output (stdout)');
    expect(output.textContent).toBe('<script>alert(1)</script>cleared');
    expect(output.querySelector('script')).toBeNull();
    expect(within(solution).getByText('1 terminal control sequence was removed from this output.')).toBeInTheDocument();
  });

  it('streams a submission test by test, then after a fix shows both in the history with what changed', async () => {
    withDraft(FAILING);
    let release!: () => void;
    practiceServer.gate = new Promise<void>((r) => (release = r));
    const solution = await openExercise();
    await userEvent.click(within(solution).getByRole('button', { name: 'Submit' }));

    expect(await within(solution).findByText(/Running the tests…|Grading…|Waiting for a grader…/)).toBeInTheDocument();
    expect(within(solution).getByRole('button', { name: 'Submit' })).toBeDisabled();
    release();
    expect(await within(solution).findByText(/Submission 1:/)).toBeInTheDocument();
    expect(within(solution).getByText(/not yet\./)).toBeInTheDocument();
    expect(within(solution).getByText('a hidden test failed')).toBeInTheDocument();

    practiceServer.gate = null;
    await userEvent.click(within(solution).getByRole('button', { name: 'Reset to starter code' }));
    await userEvent.click(within(solution).getByRole('button', { name: 'Submit' }));
    expect(await within(solution).findByText(/Submission 2:/)).toBeInTheDocument();
    expect(within(solution).getByText(/every test passed\./)).toBeInTheDocument();

    const history = await within(solution).findByRole('region', { name: 'Your submissions' });
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(within(history).getByText('Changes since submission 1'));
    const diff = within(history).getByLabelText('Changes from submission 1 to 2');
    expect(diff.querySelector('.diff-line.removed')).toHaveTextContent('return messages');
    expect([...diff.querySelectorAll('.diff-line.added')].map((l) => l.textContent)).toEqual([
      '+added:     return messages[-budget:]\n',
      `+added: ${SOLVED_MARKER}\n`,
    ]);
    expect(within(history).getByText('2 lines added, 1 removed.')).toBeInTheDocument();
    expect(practiceServer.submissions.size).toBe(2);
  });

  it('polls for the result when the server has no practice WebSocket', async () => {
    practiceServer.socket = false;
    withDraft(SOLVED);
    const solution = await openExercise();
    await userEvent.click(within(solution).getByRole('button', { name: 'Submit' }));
    expect(await within(solution).findByText(/every test passed\./, {}, { timeout: 8000 })).toBeInTheDocument();
    expect(within(solution).getByText('test_hidden_budget')).toBeInTheDocument();
  });

  it('asks the coach about the line under the cursor', async () => {
    withDraft(FAILING);
    const solution = await openExercise();
    await userEvent.click(await within(solution).findByRole('button', { name: /^Ask the coach about this line/ }));
    const coach = await screen.findByRole('region', { name: 'Coach' });
    await waitFor(() =>
      expect(within(coach).getByLabelText('Your question')).toHaveValue(
        'About line 1 of my solution:\n```python\ndef fit(messages, budget):\n```\nWhat does it do wrong, and what should I look at?',
      ),
    );
  });
});

describe('practice when signed out', () => {
  it('asks to sign in instead of calling the practice API', async () => {
    renderApp(`/exercises/${EXERCISE}`);
    const solution = await screen.findByRole('region', { name: 'Your solution' });
    expect(await within(solution).findByText(/to run the tests and submit your solution/)).toBeInTheDocument();
    expect(within(solution).queryByRole('button', { name: 'Submit' })).toBeNull();
  });
});
