import { http, HttpResponse } from 'msw';
import { problem } from './handlers';

/** Mastery, placement and search in memory, shaped as the server answers. */
type Question = { itemId: string; skillId: string; type: string; prompt: string; options: string[] };

export const PLACEMENT_QUESTIONS: Question[] = [
  { itemId: 'messages-and-roles/why-resend', skillId: 'messages', type: 'choice', prompt: 'Why resend earlier turns?', options: ['For caching', 'The API is stateless'] },
  { itemId: 'messages-and-roles/tool-role', skillId: 'tokens', type: 'short', prompt: 'Which role carries a tool result?', options: [] },
];

export const learnerServer = {
  placement: null as null | { id: string; status: string; answers: { itemId: string; answer: string }[]; skipped: boolean },
  /** Mastery history points per skill: [attemptId, proficiency, occurredAt]. */
  history: new Map<string, { attemptId: string; mastery: number; proficiency: number; occurredAt: string }[]>(),
  goal: null as string | null,
  searchResponse: null as unknown,
  reset() {
    this.placement = null;
    this.history.clear();
    this.goal = null;
    this.searchResponse = null;
  },
};

function placementState() {
  const p = learnerServer.placement!;
  const asked = p.answers.length;
  const question = p.status === 'IN_PROGRESS' ? PLACEMENT_QUESTIONS[asked] : null;
  const estimates = Object.fromEntries(PLACEMENT_QUESTIONS.slice(0, asked).map((q) => [q.skillId, 0.8]));
  return {
    id: p.id,
    status: p.status,
    asked,
    maxItems: 15,
    question,
    estimates,
    startedAt: '2026-01-01T10:00:00Z',
    finishedAt: p.status === 'IN_PROGRESS' ? null : '2026-01-01T10:05:00Z',
  };
}

export const learnerHandlers = [
  http.get('*/api/mastery/placement', () =>
    learnerServer.placement ? HttpResponse.json(placementState()) : problem(404, 'not-found', 'Not Found', 'A placement was not found'),
  ),
  http.post('*/api/mastery/placement', async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as { skip?: boolean };
    if (learnerServer.placement?.status === 'IN_PROGRESS') {
      return HttpResponse.json(placementState());
    }
    learnerServer.placement = { id: 'p1', status: body.skip ? 'SKIPPED' : 'IN_PROGRESS', answers: [], skipped: Boolean(body.skip) };
    return HttpResponse.json(placementState(), { status: 201 });
  }),
  http.post('*/api/mastery/placement/answers', async ({ request }) => {
    const body = (await request.json()) as { itemId: string; answer: string };
    const p = learnerServer.placement;
    if (!p || p.status !== 'IN_PROGRESS') {
      return problem(409, 'conflict', 'Conflict', 'No placement is in progress; start one first.');
    }
    if (PLACEMENT_QUESTIONS[p.answers.length]?.itemId !== body.itemId) {
      return problem(409, 'conflict', 'Conflict', `Answer the current question, not ${body.itemId}.`);
    }
    p.answers.push(body);
    if (p.answers.length === PLACEMENT_QUESTIONS.length) {
      p.status = 'FINISHED';
    }
    return HttpResponse.json(placementState());
  }),
  http.get('*/api/mastery', () =>
    HttpResponse.json({
      skills: [...learnerServer.history.entries()].map(([skillId, points]) => ({
        skillId,
        mastery: points[points.length - 1].mastery,
        proficiency: points[points.length - 1].proficiency,
        attempts: points.length,
        updatedAt: points[points.length - 1].occurredAt,
      })),
    }),
  ),
  http.get('*/api/mastery/skills/:id/history', ({ params }) =>
    HttpResponse.json({ skillId: params.id, points: learnerServer.history.get(params.id as string) ?? [] }),
  ),
  http.get('*/api/mastery/path', () =>
    HttpResponse.json({
      goalSkillId: learnerServer.goal,
      steps: [
        {
          activityId: 'fit-messages-to-budget',
          title: 'Fit messages to a token budget',
          skillIds: ['budgets'],
          purpose: 'NEW_SKILL',
          predictedSuccess: 0.62,
          reason: 'Token budgets is unlocked: you have mastered Tokens.',
        },
        {
          activityId: 'messages-and-roles',
          title: 'Messages and roles',
          skillIds: ['messages'],
          purpose: 'REVIEW',
          predictedSuccess: 0.9,
          reason: 'Messages is fading: last practised 12 days ago.',
        },
      ],
    }),
  ),
  http.get('*/api/mastery/goal', () =>
    learnerServer.goal ? HttpResponse.json({ skillId: learnerServer.goal }) : problem(404, 'not-found', 'Not Found', 'A goal was not found'),
  ),
  http.put('*/api/mastery/goal', async ({ request }) => {
    learnerServer.goal = ((await request.json()) as { skillId: string }).skillId;
    return HttpResponse.json({ skillId: learnerServer.goal });
  }),
  http.get('*/api/mastery/forecast', () =>
    HttpResponse.json({ goalSkillId: learnerServer.goal, skills: [], expectedActivities: 7, expectedMinutes: 95 }),
  ),
  http.get('*/api/practice/progress', () =>
    HttpResponse.json({
      tracks: [
        {
          trackId: '01-llm-foundations',
          exercisesSolved: 1,
          exercisesTotal: 6,
          lessons: [{ lessonId: 'messages-and-roles', exercisesSolved: 1, exercisesTotal: 2 }],
        },
      ],
    }),
  ),
  http.get('*/api/knowledge/search', ({ request }) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    return HttpResponse.json(learnerServer.searchResponse ?? { query: q, results: [] });
  }),
];
