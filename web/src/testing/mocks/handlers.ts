import { http, HttpResponse } from 'msw';
import {
  CORRECT_ANSWERS,
  exerciseWithThreeHints,
  HINTS,
  lessonWithTwoSectionsAndChecks,
  skillsOutOfOrder,
  trackWithLessonAndExercise,
} from '../data-generators';

/** A problem document as the server writes it (RFC 9457, type /problems/<slug>). */
export function problem(status: number, slug: string, title: string, detail?: string) {
  return HttpResponse.json(
    { type: `/problems/${slug}`, title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The content API as the server offers it, over the generated data. */
export const handlers = [
  http.get('*/actuator/health/readiness', () => HttpResponse.json({ status: 'UP' })),
  http.get('*/api/content/tracks', () => HttpResponse.json([trackWithLessonAndExercise()])),
  http.get('*/api/content/lessons/:id', ({ params }) => {
    const lesson = lessonWithTwoSectionsAndChecks();
    return params.id === lesson.id
      ? HttpResponse.json(lesson)
      : problem(404, 'not-found', 'Not Found', `Lesson '${params.id as string}' was not found`);
  }),
  http.post('*/api/content/lessons/:id/checks/:checkId', async ({ params, request }) => {
    const { answer } = (await request.json()) as { answer: string };
    const expected = CORRECT_ANSWERS[params.checkId as string];
    if (expected === undefined) {
      return problem(404, 'not-found', 'Not Found', `Check question '${params.checkId as string}' was not found`);
    }
    return HttpResponse.json({
      correct: answer.trim().toLowerCase() === expected,
      explanation: `Explanation of ${params.checkId as string}.`,
    });
  }),
  http.get('*/api/content/exercises/:id', ({ params }) => {
    const exercise = exerciseWithThreeHints();
    return params.id === exercise.id
      ? HttpResponse.json(exercise)
      : problem(404, 'not-found', 'Not Found', `Exercise '${params.id as string}' was not found`);
  }),
  http.get('*/api/content/exercises/:id/hints/:n', ({ params }) => {
    const n = Number(params.n);
    return n >= 1 && n <= HINTS.length
      ? HttpResponse.json({ number: n, of: HINTS.length, hint: HINTS[n - 1] })
      : problem(404, 'not-found', 'Not Found', `Hint ${n} was not found`);
  }),
  http.get('*/api/content/skills', () => HttpResponse.json(skillsOutOfOrder())),
];
