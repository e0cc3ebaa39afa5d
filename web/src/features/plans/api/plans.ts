import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** A learning plan or a code review as the coaching module stores it (docs/coaching.md). */
export const PlanSchema = z.object({
  id: z.string(),
  kind: z.enum(['PLAN', 'REVIEW']),
  goal: z.string().nullish(),
  submissionId: z.string().nullish(),
  /** The mentor's version: what the learner reads. */
  content: z.string(),
  /** The coach's draft, before the mentor's corrections. */
  draft: z.string().nullish(),
  models: z.array(z.string()).default([]),
  offline: z.boolean(),
  inputTokens: z.number().optional(),
  outputTokens: z.number().optional(),
  costUsd: z.union([z.number(), z.string()]).transform(Number).optional(),
  createdAt: z.string(),
});

export type Plan = z.infer<typeof PlanSchema>;
export type PlanKind = Plan['kind'];

/** The collection a kind lives in: /api/coaching/plans or /api/coaching/reviews. */
export const collectionOf = (kind: PlanKind) => (kind === 'PLAN' ? 'plans' : 'reviews');

const enc = encodeURIComponent;

export const plansQueryKey = (kind: PlanKind) => ['coaching', collectionOf(kind)] as const;

export const plansQueryOptions = (kind: PlanKind) =>
  queryOptions({
    queryKey: plansQueryKey(kind),
    queryFn: ({ signal }) => apiRequest(`/api/coaching/${collectionOf(kind)}`, z.array(PlanSchema), { signal }),
    staleTime: 0,
  });

export const planQueryOptions = (kind: PlanKind, id: string) =>
  queryOptions({
    queryKey: [...plansQueryKey(kind), id],
    queryFn: ({ signal }) => apiRequest(`/api/coaching/${collectionOf(kind)}/${enc(id)}`, PlanSchema, { signal }),
    staleTime: 5 * 60 * 1000,
  });

/** The learner's plans and reviews, newest first. */
export function usePlansAndReviews() {
  const plans = useSuspenseQuery(plansQueryOptions('PLAN')).data;
  const reviews = useSuspenseQuery(plansQueryOptions('REVIEW')).data;
  return [...plans, ...reviews].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function usePlan(kind: PlanKind, id: string) {
  return useSuspenseQuery(planQueryOptions(kind, id));
}

/** A submission as far as a review needs it: which exercise, which attempt. */
const SubmissionSummarySchema = z.looseObject({ id: z.string(), exerciseId: z.string(), attemptNumber: z.number().int() });

/** The submission a review is about (the review itself names only its id). */
export function useReviewedSubmission(submissionId: string | null | undefined) {
  return useQuery({
    queryKey: ['plans', 'reviewed-submission', submissionId],
    queryFn: ({ signal }) => apiRequest(`/api/practice/submissions/${enc(submissionId!)}`, SubmissionSummarySchema, { signal }),
    enabled: Boolean(submissionId),
    staleTime: 30 * 60 * 1000,
  });
}
