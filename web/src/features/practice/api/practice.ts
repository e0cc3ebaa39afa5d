import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../lib/api-client';

export const TestResultSchema = z.object({
  suite: z.string().nullish(),
  name: z.string(),
  passed: z.boolean(),
  message: z.string().nullish(),
  durationMs: z.number().nullish(),
});

export const VerdictSchema = z.object({
  status: z.string(),
  limit: z.string().nullish(),
  passed: z.boolean(),
  score: z.number(),
  tests: z.array(TestResultSchema),
  stdout: z.string().nullish(),
  stderr: z.string().nullish(),
  outputTruncated: z.boolean().optional(),
  wallMs: z.number().optional(),
  cpuMs: z.number().optional(),
  peakMemoryBytes: z.number().optional(),
});

export const AttemptSchema = z.object({
  id: z.string(),
  exerciseId: z.string(),
  draft: z.string().nullish(),
  startedAt: z.string(),
  updatedAt: z.string(),
});

export const SubmissionSchema = z.object({
  id: z.string(),
  attemptId: z.string(),
  exerciseId: z.string(),
  attemptNumber: z.number().int(),
  status: z.string(),
  submittedAt: z.string(),
  gradedAt: z.string().nullish(),
  verdict: VerdictSchema.nullish(),
  /** Not sent by every server version; the browser keeps its own copy of what it submitted. */
  code: z.string().nullish(),
});

export type TestResult = z.infer<typeof TestResultSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type Attempt = z.infer<typeof AttemptSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;

/** Statuses after which a submission changes no more. */
export function isFinished(status: string): boolean {
  return status === 'graded' || status === 'failed';
}

const enc = encodeURIComponent;
const ATTEMPT_KEY = (exerciseId: string) => `agentcoach.attempt.${exerciseId}`;

function rememberedAttempt(exerciseId: string): string | null {
  try {
    return localStorage.getItem(ATTEMPT_KEY(exerciseId));
  } catch {
    return null;
  }
}

function rememberAttempt(exerciseId: string, attemptId: string) {
  try {
    localStorage.setItem(ATTEMPT_KEY(exerciseId), attemptId);
  } catch {
    // a new attempt is started next time instead
  }
}

/**
 * The learner's attempt at an exercise: the one this browser started before, if the server still
 * has it for this learner, else a new one.
 */
export async function ensureAttempt(exerciseId: string): Promise<Attempt> {
  const known = rememberedAttempt(exerciseId);
  if (known) {
    try {
      const attempt = await apiRequest(`/api/practice/attempts/${enc(known)}`, AttemptSchema);
      if (attempt.exerciseId === exerciseId) {
        return attempt;
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) {
        throw error;
      }
    }
  }
  const attempt = await apiRequest(`/api/practice/exercises/${enc(exerciseId)}/attempts`, AttemptSchema, { method: 'POST' });
  rememberAttempt(exerciseId, attempt.id);
  return attempt;
}

export function runPublicTests(attemptId: string, code: string): Promise<Verdict> {
  return apiRequest(`/api/practice/attempts/${enc(attemptId)}/runs`, VerdictSchema, { method: 'POST', body: { code } });
}

export function submit(attemptId: string, code: string, idempotencyKey: string): Promise<Submission> {
  return apiRequest(`/api/practice/attempts/${enc(attemptId)}/submissions`, SubmissionSchema, {
    method: 'POST',
    body: { code },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getSubmission(id: string, signal?: AbortSignal): Promise<Submission> {
  return apiRequest(`/api/practice/submissions/${enc(id)}`, SubmissionSchema, { signal });
}

export function getHistory(exerciseId: string, signal?: AbortSignal): Promise<Submission[]> {
  return apiRequest(`/api/practice/exercises/${enc(exerciseId)}/submissions`, z.array(SubmissionSchema), { signal });
}

export const historyQueryKey = (exerciseId: string) => ['practice', 'history', exerciseId] as const;

export function useHistory(exerciseId: string) {
  return useQuery({ queryKey: historyQueryKey(exerciseId), queryFn: ({ signal }) => getHistory(exerciseId, signal) });
}

export function useRunPublicTests(exerciseId: string) {
  return useMutation({
    mutationFn: async (code: string) => runPublicTests((await ensureAttempt(exerciseId)).id, code),
  });
}

/** Submits once per click: a retry of the same click (network failure) reuses its idempotency key. */
export function useSubmit(exerciseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, key }: { code: string; key: string }) =>
      submit((await ensureAttempt(exerciseId)).id, code, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyQueryKey(exerciseId) }),
  });
}
