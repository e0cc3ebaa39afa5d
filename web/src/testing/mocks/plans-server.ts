import { http, HttpResponse } from 'msw';
import { problem } from './handlers';

/**
 * The coaching module's plans and reviews in memory (docs/coaching.md): POST with
 * Accept: text/event-stream follows the offline crew (accepted, agent, draft, agent, review, done events,
 * CRLF line ends, split mid-event); GET lists (newest first) and reads one.
 */
type Stored = {
  id: string;
  kind: 'PLAN' | 'REVIEW';
  goal: string | null;
  submissionId: string | null;
  content: string;
  draft: string;
  models: string[];
  offline: boolean;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  createdAt: string;
};

export const PLAN_DRAFT = '**Offline coach** (no AI model was used for this plan)\n\n## Plan\n1. Messages and roles [messages-and-roles], about 20 min: builds prompting.\n';
export const PLAN_CORRECTIONS = '## Mentor\'s corrections\nNone needed: every activity comes after its prerequisites.\n';
export const REVIEW_TEXT =
  '**Offline coach** (no AI model was used for this review)\n\n### Test results\n1 of 3 tests passed.\n- `test_drops_oldest_turn` failed\n\n### From the curriculum\n[1] Messages and roles — The four roles (messages-and-roles#the-four-roles)\n';

let ids = 0;
const nextId = () => `20000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`;

export const plansServer = {
  documents: [] as Stored[],
  /** Bodies the POSTs received, in order. */
  requests: [] as unknown[],
  /** Hold the crew after the coach's draft until released. */
  gate: null as Promise<void> | null,
  /** When set, the next streamed POST is refused with this problem before any event. */
  refuse: null as { status: number; slug: string; title: string; detail: string } | null,
  /** When set, the next stream is cut after the draft (the connection drops). */
  cutAfterDraft: false,
  reset() {
    this.documents = [];
    this.requests = [];
    this.gate = null;
    this.refuse = null;
    this.cutAfterDraft = false;
  },
  add(document: Partial<Stored> & Pick<Stored, 'kind'>): Stored {
    const stored: Stored = {
      id: nextId(),
      goal: null,
      submissionId: null,
      content: document.kind === 'PLAN' ? PLAN_DRAFT + '\n' + PLAN_CORRECTIONS : REVIEW_TEXT,
      draft: document.kind === 'PLAN' ? PLAN_DRAFT : REVIEW_TEXT,
      models: ['offline'],
      offline: true,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      createdAt: new Date().toISOString(),
      ...document,
    };
    this.documents.push(stored);
    return stored;
  },
};

function event(name: string, data: unknown): string {
  return `event:${name}\r\ndata:${JSON.stringify(data)}\r\n\r\n`;
}

function follow(kind: 'PLAN' | 'REVIEW', body: { goal?: string; goalSkillId?: string; submissionId?: string }) {
  const encoder = new TextEncoder();
  const draft = kind === 'PLAN' ? PLAN_DRAFT.replace('## Plan', `## Your goal\n${body.goal ?? 'Your stated goal'}\n\n## Plan`) : REVIEW_TEXT;
  const content = kind === 'PLAN' ? `${draft}\n${PLAN_CORRECTIONS}` : `${draft}## Mentor's corrections\nNone needed.\n`;
  const cut = plansServer.cutAfterDraft;
  plansServer.cutAfterDraft = false;
  // like the server, the document's id is announced first, and the crew finishes and stores the
  // document when the client goes away
  const id = nextId();
  let gone = false;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      gone = true;
    },
    async start(controller) {
      const send = async (text: string) => {
        if (gone) {
          return;
        }
        // in two pieces, the second after a pause: the client must join events across chunks
        const half = Math.floor(text.length / 2);
        controller.enqueue(encoder.encode(text.slice(0, half)));
        await new Promise((r) => setTimeout(r, 5));
        if (!gone) {
          controller.enqueue(encoder.encode(text.slice(half)));
        }
      };
      await send(event('accepted', { id }));
      await send(event('agent', { agent: 'coach', offline: true }));
      await send(event('draft', { text: draft }));
      if (cut) {
        controller.error(new TypeError('network error'));
        return;
      }
      if (plansServer.gate) {
        await plansServer.gate;
      }
      await send(event('agent', { agent: 'mentor', offline: true }));
      await send(event('review', { text: content }));
      const stored = plansServer.add({ id, kind, goal: kind === 'PLAN' ? (body.goal ?? 'Your stated goal') : null, submissionId: body.submissionId ?? null, content, draft });
      await send(event('done', stored));
      if (!gone) {
        controller.close();
      }
    },
  });
  return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
}

function collection(kind: 'PLAN' | 'REVIEW', path: string) {
  return [
    http.post(`*/api/coaching/${path}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      plansServer.requests.push(body);
      if (plansServer.refuse) {
        const { status, slug, title, detail } = plansServer.refuse;
        plansServer.refuse = null;
        return problem(status, slug, title, detail);
      }
      if (!(request.headers.get('Accept') ?? '').includes('text/event-stream')) {
        return HttpResponse.json(plansServer.add({ kind, goal: body.goal ?? null, submissionId: body.submissionId ?? null }), { status: 201 });
      }
      return follow(kind, body);
    }),
    http.get(`*/api/coaching/${path}`, () =>
      HttpResponse.json(plansServer.documents.filter((d) => d.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    ),
    http.get(`*/api/coaching/${path}/:id`, ({ params }) => {
      const found = plansServer.documents.find((d) => d.kind === kind && d.id === params.id);
      return found ? HttpResponse.json(found) : problem(404, 'not-found', 'Not Found', `${kind === 'PLAN' ? 'Plan' : 'Review'} ${params.id as string} was not found`);
    }),
  ];
}

export const plansHandlers = [...collection('PLAN', 'plans'), ...collection('REVIEW', 'reviews')];
