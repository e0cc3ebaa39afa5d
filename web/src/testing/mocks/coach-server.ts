import { http, HttpResponse, ws } from 'msw';
import { problem } from './handlers';

/**
 * The coaching API as the server offers it (sessions over HTTP, answers over the WebSocket at
 * /api/coaching/ws), in memory. Like the real server, an answer is completed and stored even when
 * the connection that asked for it drops; {@link coachServer.dropAfterTokens} makes it drop.
 */
type Stored = { id: string; position: number; role: 'learner' | 'coach'; content: string; model: string | null; createdAt: string };
type StoredSession = {
  session: { id: string; title: string; lessonId: string | null; exerciseId: string | null; createdAt: string; updatedAt: string };
  messages: Stored[];
};

export const COACH_TOKENS = ['**Offline coach**', ' The four roles are', ' system, user, assistant and tool', ' [1].\n\n', 'Sources:\n', '[1] Messages and roles — The four roles (messages-and-roles#the-four-roles)\n'];
export const COACH_ANSWER = COACH_TOKENS.join('');
export const CITATION = {
  sourceId: 'messages-and-roles',
  title: 'Messages and roles',
  section: 'The four roles',
  sectionAnchor: 'the-four-roles',
  text: 'system, user, assistant and tool.',
  score: 1,
};

let ids = 0;
const nextId = () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

export const coachServer = {
  sessions: new Map<string, StoredSession>(),
  /** Every learner message the socket received, in order (to prove none was sent twice). */
  received: [] as string[],
  answering: new Set<string>(),
  /** When set, the next answer's connection is closed after this many tokens (the answer still completes). */
  dropAfterTokens: null as number | null,
  /** When set, the next frame is lost with its connection: closed before the server reads it. */
  dropNextFrame: false,
  connections: 0,
  /** Lets a test hold the answer's completion (and storage) until it resolves. */
  gate: null as Promise<void> | null,
  remainingUsd: 0.95,
  reset() {
    this.sessions.clear();
    this.received = [];
    this.answering.clear();
    this.dropAfterTokens = null;
    this.dropNextFrame = false;
    this.connections = 0;
    this.gate = null;
    this.remainingUsd = 0.95;
  },
  open(title: string, lessonId: string | null = null, exerciseId: string | null = null) {
    const now = new Date().toISOString();
    const session = { id: nextId(), title, lessonId, exerciseId, createdAt: now, updatedAt: now };
    this.sessions.set(session.id, { session, messages: [] });
    return session;
  },
  append(sessionId: string, role: 'learner' | 'coach', content: string, model: string | null) {
    const stored = this.sessions.get(sessionId)!;
    stored.messages.push({ id: nextId(), position: stored.messages.length, role, content, model, createdAt: new Date().toISOString() });
    stored.session.updatedAt = new Date().toISOString();
  },
};

const tick = () => new Promise((r) => setTimeout(r, 5));

function errorFrame(status: number, slug: string, title: string, detail: string) {
  return JSON.stringify({ event: 'error', data: { type: `/problems/${slug}`, title, status, detail } });
}

export const coachSocket = ws.link('*/api/coaching/ws');

export const coachHandlers = [
  http.get('*/api/coaching/sessions', () => HttpResponse.json([...coachServer.sessions.values()].map((s) => s.session))),
  http.post('*/api/coaching/sessions', async ({ request }) => {
    const body = (await request.json()) as { title?: string; lessonId?: string; exerciseId?: string };
    return HttpResponse.json(coachServer.open(body.title ?? 'New session', body.lessonId ?? null, body.exerciseId ?? null), {
      status: 201,
    });
  }),
  http.get('*/api/coaching/sessions/:id', ({ params }) => {
    const stored = coachServer.sessions.get(params.id as string);
    return stored
      ? HttpResponse.json({ session: stored.session, messages: stored.messages })
      : problem(404, 'not-found', 'Not Found', `Coaching session ${params.id as string} was not found`);
  }),
  http.get('*/api/coaching/allowance', () =>
    HttpResponse.json({
      remainingUsd: coachServer.remainingUsd,
      organizationMonthlyBudgetUsd: 50,
      organizationMonthlySpentUsd: 1,
      learnerDailyAllowanceUsd: 1,
      learnerDailySpentUsd: 1 - coachServer.remainingUsd,
      offlineFallback: true,
    }),
  ),
  coachSocket.addEventListener('connection', ({ client }) => {
    coachServer.connections += 1;
    client.addEventListener('message', async (event) => {
      if (coachServer.dropNextFrame) {
        coachServer.dropNextFrame = false;
        client.close();
        return;
      }
      let frame: { sessionId?: string; message?: string };
      try {
        frame = JSON.parse(String(event.data));
      } catch {
        client.send(errorFrame(400, 'malformed-request', 'Malformed message', 'A message is one JSON object.'));
        return;
      }
      if (!frame.sessionId) {
        client.send(errorFrame(400, 'validation-failed', 'Invalid message', 'sessionId is required.'));
        return;
      }
      if (!coachServer.sessions.has(frame.sessionId)) {
        client.send(errorFrame(404, 'not-found', 'Not Found', `Coaching session ${frame.sessionId} was not found.`));
        return;
      }
      if (coachServer.answering.has(frame.sessionId)) {
        client.send(errorFrame(409, 'conflict', 'Still answering', 'The coach is still answering the previous message in this session; wait for it to finish.'));
        return;
      }
      const sessionId = frame.sessionId;
      coachServer.received.push(frame.message ?? '');
      coachServer.answering.add(sessionId);
      coachServer.append(sessionId, 'learner', (frame.message ?? '').trim(), null);
      const dropAfter = coachServer.dropAfterTokens;
      coachServer.dropAfterTokens = null;
      let connected = true;
      for (let i = 0; i < COACH_TOKENS.length; i += 1) {
        await tick();
        if (connected) {
          client.send(JSON.stringify({ event: 'token', data: { text: COACH_TOKENS[i] } }));
        }
        if (connected && dropAfter !== null && i + 1 === dropAfter) {
          connected = false;
          client.close();
        }
      }
      if (coachServer.gate) {
        await coachServer.gate;
      }
      coachServer.append(sessionId, 'coach', COACH_ANSWER, 'offline');
      coachServer.answering.delete(sessionId);
      coachServer.remainingUsd = 0.9;
      if (connected) {
        client.send(
          JSON.stringify({
            event: 'answer',
            data: {
              model: 'offline',
              routingReason: 'offline',
              queryType: 'CONCEPT',
              inputTokens: 0,
              outputTokens: 0,
              costUsd: 0,
              latencyMillis: 30,
              budgetExhausted: false,
              citations: [CITATION],
              allowance: { remainingUsd: 0.9, organizationMonthlyBudgetUsd: 50, organizationMonthlySpentUsd: 1, learnerDailyAllowanceUsd: 1, learnerDailySpentUsd: 0.1, offlineFallback: true },
            },
          }),
        );
      }
    });
  }),
];
