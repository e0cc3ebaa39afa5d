import { http, HttpResponse, ws } from 'msw';
import { problem } from './handlers';

/**
 * The practice API in memory: attempts, public runs, submissions graded a little later, pushed
 * test by test over /ws/practice exactly as the contract says (status, test, result frames), with
 * GET /api/practice/submissions/{id} for clients that poll.
 */
type Test = { suite: string; name: string; passed: boolean; message: string | null; durationMs: number };
type Submission = {
  id: string;
  attemptId: string;
  exerciseId: string;
  attemptNumber: number;
  status: string;
  submittedAt: string;
  gradedAt: string | null;
  verdict: unknown;
};

export const SOLVED_MARKER = '# solved';

/** Tests pass when the code contains the marker; otherwise the second one fails with hostile output. */
export function gradeCode(code: string): Test[] {
  const solved = code.includes(SOLVED_MARKER);
  return [
    { suite: 'public', name: 'test_keeps_system_prompt', passed: true, message: null, durationMs: 2 },
    {
      suite: 'public',
      name: 'test_drops_oldest_turn',
      passed: solved,
      message: solved ? null : 'AssertionError: \u001b[31mexpected 3\u001b[0m <b>got 4</b>',
      durationMs: 3,
    },
    { suite: 'hidden', name: 'test_hidden_budget', passed: solved, message: solved ? null : 'a hidden test failed', durationMs: 1 },
  ];
}

export function verdictOf(tests: Test[], extra: Record<string, unknown> = {}) {
  const passed = tests.every((t) => t.passed);
  return {
    status: passed ? 'ok' : 'error',
    limit: null,
    passed,
    score: tests.filter((t) => t.passed).length / tests.length,
    tests,
    stdout: '',
    stderr: '',
    outputTruncated: false,
    wallMs: 40,
    cpuMs: 30,
    peakMemoryBytes: 1000,
    ...extra,
  };
}

let ids = 0;
const nextId = () => `10000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

export const practiceServer = {
  attempts: new Map<string, { id: string; exerciseId: string }>(),
  submissions: new Map<string, Submission & { code: string }>(),
  keys: new Map<string, string>(),
  /** Whether /ws/practice exists (false: like a server without it, the handshake fails). */
  socket: true,
  /** Hold grading until released, to look at the page while a submission is being graded. */
  gate: null as Promise<void> | null,
  runVerdict: null as unknown,
  reset() {
    this.attempts.clear();
    this.submissions.clear();
    this.keys.clear();
    this.socket = true;
    this.gate = null;
    this.runVerdict = null;
  },
  view(s: Submission & { code: string }): Submission {
    const { code: _code, ...view } = s;
    return view;
  },
};

const listeners = new Map<string, Set<(frame: string) => void>>();

function push(submissionId: string, frame: unknown) {
  listeners.get(submissionId)?.forEach((send) => send(JSON.stringify(frame)));
}

async function grade(submission: Submission & { code: string }) {
  await new Promise((r) => setTimeout(r, 10));
  submission.status = 'grading';
  push(submission.id, { type: 'status', submissionId: submission.id, status: 'running' });
  if (practiceServer.gate) {
    await practiceServer.gate;
  }
  const tests = gradeCode(submission.code);
  for (const test of tests) {
    await new Promise((r) => setTimeout(r, 5));
    push(submission.id, { type: 'test', submissionId: submission.id, test: { name: test.name, passed: test.passed, message: test.message } });
  }
  submission.status = 'graded';
  submission.gradedAt = new Date().toISOString();
  submission.verdict = verdictOf(tests);
  push(submission.id, { type: 'result', submissionId: submission.id, submission: practiceServer.view(submission) });
}

export const practiceSocket = ws.link('*/ws/practice');

export const practiceHandlers = [
  http.post('*/api/practice/exercises/:id/attempts', ({ params }) => {
    const attempt = { id: nextId(), exerciseId: params.id as string, draft: '', startedAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    practiceServer.attempts.set(attempt.id, attempt);
    return HttpResponse.json(attempt, { status: 201 });
  }),
  http.get('*/api/practice/attempts/:id', ({ params }) => {
    const attempt = practiceServer.attempts.get(params.id as string);
    return attempt
      ? HttpResponse.json({ ...attempt, draft: '', startedAt: new Date().toISOString(), updatedAt: new Date().toISOString() })
      : problem(404, 'not-found', 'Not Found', `Attempt ${params.id as string} was not found`);
  }),
  http.post('*/api/practice/attempts/:id/runs', async ({ request }) => {
    const { code } = (await request.json()) as { code: string };
    const tests = gradeCode(code).filter((t) => t.suite === 'public');
    return HttpResponse.json(practiceServer.runVerdict ?? verdictOf(tests));
  }),
  http.post('*/api/practice/attempts/:id/submissions', async ({ params, request }) => {
    const key = request.headers.get('Idempotency-Key');
    if (!key) {
      return problem(400, 'bad-request', 'Bad Request', 'Send an Idempotency-Key header of 1 to 200 characters with each submission.');
    }
    const known = practiceServer.keys.get(key);
    if (known) {
      return HttpResponse.json(practiceServer.view(practiceServer.submissions.get(known)!), { status: 202 });
    }
    const attempt = practiceServer.attempts.get(params.id as string)!;
    const { code } = (await request.json()) as { code: string };
    const submission = {
      id: nextId(),
      attemptId: attempt.id,
      exerciseId: attempt.exerciseId,
      attemptNumber: [...practiceServer.submissions.values()].filter((s) => s.exerciseId === attempt.exerciseId).length + 1,
      status: 'queued',
      submittedAt: new Date().toISOString(),
      gradedAt: null,
      verdict: null,
      code,
    };
    practiceServer.submissions.set(submission.id, submission);
    practiceServer.keys.set(key, submission.id);
    void grade(submission);
    return HttpResponse.json(practiceServer.view(submission), { status: 202 });
  }),
  http.get('*/api/practice/submissions/:id', ({ params }) => {
    const submission = practiceServer.submissions.get(params.id as string);
    return submission
      ? HttpResponse.json(practiceServer.view(submission))
      : problem(404, 'not-found', 'Not Found', `Submission ${params.id as string} was not found`);
  }),
  http.get('*/api/practice/exercises/:id/submissions', ({ params }) =>
    HttpResponse.json(
      [...practiceServer.submissions.values()].filter((s) => s.exerciseId === params.id).map((s) => practiceServer.view(s)),
    ),
  ),
  practiceSocket.addEventListener('connection', ({ client }) => {
    if (!practiceServer.socket) {
      client.close();
      return;
    }
    const subscribed: string[] = [];
    const send = (frame: string) => client.send(frame);
    client.addEventListener('message', (event) => {
      let frame: { type?: string; submissionId?: string };
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        client.send(JSON.stringify({ type: 'error', problem: { type: '/problems/malformed-request', title: 'Malformed message', status: 400 } }));
        return;
      }
      if (frame.type === 'subscribe' && frame.submissionId) {
        subscribed.push(frame.submissionId);
        const set = listeners.get(frame.submissionId) ?? new Set();
        set.add(send);
        listeners.set(frame.submissionId, set);
        const submission = practiceServer.submissions.get(frame.submissionId);
        if (submission) {
          client.send(JSON.stringify({ type: 'status', submissionId: submission.id, status: submission.status === 'grading' ? 'running' : submission.status }));
        }
      }
    });
    client.addEventListener('close', () => subscribed.forEach((id) => listeners.get(id)?.delete(send)));
  }),
];
