import { z } from 'zod';
import { webSocketUrl } from '../../../lib/web-socket-url';
import { getSubmission, isFinished, SubmissionSchema, type Submission, type TestResult } from './practice';

/** What the learner sees of a submission while it is graded. */
export type SubmissionProgress = {
  status: string;
  /** Tests in the order they finished (pushed one by one when the server can). */
  tests: TestResult[];
  submission?: Submission;
  /** How updates arrive: pushed over the practice WebSocket, or by asking the server repeatedly. */
  transport: 'websocket' | 'polling';
  /** Set when the server could not be asked for a while; updates resume on their own. */
  problem?: string;
};

const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), submissionId: z.string(), status: z.string() }),
  z.object({
    type: z.literal('test'),
    submissionId: z.string(),
    test: z.object({ name: z.string(), passed: z.boolean(), message: z.string().nullish() }),
  }),
  z.object({ type: z.literal('result'), submissionId: z.string(), submission: SubmissionSchema }),
  z.object({ type: z.literal('error'), problem: z.looseObject({ detail: z.string().optional() }) }),
]);

export type WatchOptions = {
  openSocket?: (url: string) => WebSocket;
  fetchSubmission?: (id: string) => Promise<Submission>;
  /** Polling interval when no WebSocket pushes updates. */
  pollMs?: number;
  /** Safety-net polling interval while the WebSocket is connected. */
  slowPollMs?: number;
};

export const PRACTICE_SOCKET_PATH = '/ws/practice';

// once the server has refused the socket (an older server without it), this page polls from then on
let socketRefused = false;

/** For tests: forget that the socket was refused. */
export function resetPracticeSocket(): void {
  socketRefused = false;
}

/**
 * Follows one submission until it is graded: subscribes on the practice WebSocket (statuses, each
 * test as it finishes, then the result) and falls back to polling GET /api/practice/submissions/{id}
 * when the socket cannot be opened or drops. A slow poll runs alongside the socket so a missed frame
 * never leaves the learner waiting. Returns a function that stops following.
 */
export function watchSubmission(
  initial: Submission,
  onProgress: (progress: SubmissionProgress) => void,
  options: WatchOptions = {},
): () => void {
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url));
  const fetchSubmission = options.fetchSubmission ?? ((id: string) => getSubmission(id));
  const pollMs = options.pollMs ?? 1000;
  const slowPollMs = options.slowPollMs ?? 5000;
  const id = initial.id;

  let progress: SubmissionProgress = {
    status: initial.status,
    tests: initial.verdict?.tests ?? [],
    submission: isFinished(initial.status) ? initial : undefined,
    transport: 'polling',
  };
  let stopped = false;
  let socket: WebSocket | null = null;
  let socketOpen = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function publish(next: Partial<SubmissionProgress>) {
    progress = { ...progress, ...next };
    onProgress(progress);
  }

  function finish(submission: Submission) {
    publish({ status: submission.status, submission, tests: submission.verdict?.tests ?? progress.tests, problem: undefined });
    stop();
  }

  function schedulePoll() {
    clearTimeout(timer);
    if (!stopped) {
      timer = setTimeout(poll, socketOpen ? slowPollMs : pollMs);
    }
  }

  async function poll() {
    try {
      const current = await fetchSubmission(id);
      if (stopped) {
        return;
      }
      if (isFinished(current.status)) {
        finish(current);
        return;
      }
      if (current.status !== progress.status || progress.problem) {
        publish({ status: current.status, problem: undefined });
      }
    } catch (error) {
      if (stopped) {
        return;
      }
      publish({ problem: error instanceof Error ? error.message : 'The server could not be asked about the grading.' });
    }
    schedulePoll();
  }

  function onFrame(raw: unknown) {
    let parsed;
    try {
      parsed = ServerFrame.safeParse(JSON.parse(String(raw)));
    } catch {
      return;
    }
    if (!parsed.success) {
      return;
    }
    const frame = parsed.data;
    if (frame.type === 'error' || frame.submissionId !== id) {
      return;
    }
    if (frame.type === 'status') {
      if (isFinished(frame.status)) {
        // the result frame (or the next poll) brings the verdict
        poll();
      } else {
        publish({ status: frame.status });
      }
    } else if (frame.type === 'test') {
      const others = progress.tests.filter((t) => t.name !== frame.test.name);
      publish({ tests: [...others, { ...frame.test, message: frame.test.message ?? null }] });
    } else {
      finish(frame.submission);
    }
  }

  async function connect() {
    if (socketRefused) {
      return;
    }
    let url: string;
    try {
      // signed in with the access token, renewed first when it is about to expire
      url = await webSocketUrl(PRACTICE_SOCKET_PATH);
    } catch {
      return; // the polling goes on
    }
    if (stopped) {
      return;
    }
    try {
      socket = openSocket(url);
    } catch {
      socket = null;
      return;
    }
    socket.onopen = () => {
      socketOpen = true;
      socket?.send(JSON.stringify({ type: 'subscribe', submissionId: id }));
      publish({ transport: 'websocket' });
      schedulePoll();
    };
    socket.onmessage = (event) => onFrame(event.data);
    socket.onclose = () => {
      const wasOpen = socketOpen;
      if (!wasOpen) {
        socketRefused = true;
      }
      socketOpen = false;
      socket = null;
      if (!stopped) {
        // no socket (older server, proxy without WebSocket) or a dropped one: keep asking
        publish({ transport: 'polling' });
        if (wasOpen) {
          schedulePoll();
        }
      }
    };
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    if (socket) {
      socket.onclose = null;
      socket.close();
      socket = null;
    }
  }

  onProgress(progress);
  if (progress.submission) {
    stop();
    return stop;
  }
  void connect();
  // the first answer comes from the server right away: the grading may already be done
  poll();
  return stop;
}
