import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const SessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  lessonId: z.string().nullish(),
  exerciseId: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StoredMessageSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  role: z.string(),
  content: z.string(),
  model: z.string().nullish(),
  createdAt: z.string().optional(),
  /** A coach answer the learner stopped while it streamed: the part written until then. */
  stopped: z.boolean().optional(),
});

export const SessionViewSchema = z.object({ session: SessionSchema, messages: z.array(StoredMessageSchema) });

const Money = z.union([z.number(), z.string()]).transform(Number);

export const AllowanceSchema = z.object({
  remainingUsd: Money,
  organizationMonthlyBudgetUsd: Money.nullish(),
  learnerDailyAllowanceUsd: Money.nullish(),
  learnerDailySpentUsd: Money.nullish(),
  offlineFallback: z.boolean().optional(),
});

export const CitationSchema = z.object({
  sourceId: z.string(),
  title: z.string(),
  section: z.string().nullish(),
  sectionAnchor: z.string().nullish(),
});

export const AnswerEventSchema = z.object({
  model: z.string(),
  budgetExhausted: z.boolean().optional(),
  citations: z.array(CitationSchema).default([]),
  allowance: AllowanceSchema.nullish(),
  stopped: z.boolean().optional(),
});

export type Session = z.infer<typeof SessionSchema>;
export type StoredMessage = z.infer<typeof StoredMessageSchema>;
export type SessionView = z.infer<typeof SessionViewSchema>;
export type Allowance = z.infer<typeof AllowanceSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type AnswerEvent = z.infer<typeof AnswerEventSchema>;

/** What the coach is told about the learner's situation (the exercise, failing tests). */
export type LearnerContext = {
  exerciseId?: string;
  failures?: { test: string; expected?: string; actual?: string; message?: string }[];
  nextSteps?: string[];
};

const enc = encodeURIComponent;

export function listSessions(signal?: AbortSignal): Promise<Session[]> {
  return apiRequest('/api/coaching/sessions', z.array(SessionSchema), { signal });
}

export function openSession(body: { title: string; lessonId?: string; exerciseId?: string }): Promise<Session> {
  return apiRequest('/api/coaching/sessions', SessionSchema, { method: 'POST', body });
}

export function getSession(id: string, signal?: AbortSignal): Promise<SessionView> {
  return apiRequest(`/api/coaching/sessions/${enc(id)}`, SessionViewSchema, { signal });
}

export function deleteSession(id: string): Promise<unknown> {
  return apiRequest(`/api/coaching/sessions/${enc(id)}`, z.unknown(), { method: 'DELETE' });
}

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: ['coaching', 'sessions'], queryFn: ({ signal }) => listSessions(signal), staleTime: 0 });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

export const allowanceQueryOptions = () =>
  queryOptions({
    queryKey: ['coaching', 'allowance'],
    queryFn: ({ signal }) => apiRequest('/api/coaching/allowance', AllowanceSchema, { signal }),
    staleTime: 0,
  });

export function useAllowance() {
  return useQuery(allowanceQueryOptions());
}
