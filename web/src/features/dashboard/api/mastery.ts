import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../lib/api-client';

export const SkillMasterySchema = z.object({
  skillId: z.string(),
  mastery: z.number(),
  proficiency: z.number(),
  attempts: z.number().int(),
  updatedAt: z.string().nullish(),
});

export const StepSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  skillIds: z.array(z.string()),
  purpose: z.string(),
  predictedSuccess: z.number(),
  reason: z.string(),
});

export const PathSchema = z.object({ goalSkillId: z.string().nullish(), steps: z.array(StepSchema) });

export const ForecastSchema = z.object({
  goalSkillId: z.string(),
  skills: z.array(z.object({ skillId: z.string(), mastery: z.number(), expectedActivities: z.number(), expectedMinutes: z.number() })),
  expectedActivities: z.number(),
  expectedMinutes: z.number(),
});

export const MasteryPointSchema = z.object({
  attemptId: z.string(),
  mastery: z.number(),
  proficiency: z.number(),
  occurredAt: z.string(),
});

export const HistorySchema = z.object({ skillId: z.string(), points: z.array(MasteryPointSchema) });

export const SubmissionSummarySchema = z.looseObject({
  id: z.string(),
  exerciseId: z.string(),
  attemptNumber: z.number(),
  status: z.string(),
  verdict: z.looseObject({ passed: z.boolean(), score: z.number(), limit: z.string().nullish() }).nullish(),
});

export const TrackProgressSchema = z.object({
  tracks: z.array(
    z.object({
      trackId: z.string(),
      exercisesSolved: z.number().int(),
      exercisesTotal: z.number().int(),
    }),
  ),
});

export type SkillMastery = z.infer<typeof SkillMasterySchema>;
export type Step = z.infer<typeof StepSchema>;
export type LearningPath = z.infer<typeof PathSchema>;
export type Forecast = z.infer<typeof ForecastSchema>;
export type MasteryPoint = z.infer<typeof MasteryPointSchema>;
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function useMasteries() {
  return useQuery({
    queryKey: ['mastery', 'skills'],
    queryFn: ({ signal }) => apiRequest('/api/mastery', z.object({ skills: z.array(SkillMasterySchema) }), { signal }),
    staleTime: 0,
  });
}

export function usePath() {
  return useQuery({
    queryKey: ['mastery', 'path'],
    queryFn: ({ signal }) => apiRequest('/api/mastery/path?limit=5', PathSchema, { signal }),
    staleTime: 0,
  });
}

export function useGoal() {
  return useQuery({
    queryKey: ['mastery', 'goal'],
    queryFn: ({ signal }) => orNull(apiRequest('/api/mastery/goal', z.object({ skillId: z.string() }), { signal })),
  });
}

export function useForecast(enabled: boolean) {
  return useQuery({
    queryKey: ['mastery', 'forecast'],
    queryFn: ({ signal }) => apiRequest('/api/mastery/forecast', ForecastSchema, { signal }),
    enabled,
  });
}

/** Every answer that moved the learner's mastery, across the skills they practised, newest first. */
export function useActivity(skillIds: string[]) {
  return useQuery({
    queryKey: ['mastery', 'activity', skillIds],
    enabled: skillIds.length > 0,
    queryFn: async ({ signal }) => {
      const histories = await Promise.all(
        skillIds.map((id) => apiRequest(`/api/mastery/skills/${encodeURIComponent(id)}/history`, HistorySchema, { signal })),
      );
      return histories.flatMap((h) => h.points.map((p) => ({ ...p, skillId: h.skillId })));
    },
  });
}

export function useSubmissionSummaries(ids: string[]) {
  return useQuery({
    queryKey: ['practice', 'submissions', ids],
    enabled: ids.length > 0,
    queryFn: ({ signal }) =>
      Promise.all(
        ids.map((id) => orNull(apiRequest(`/api/practice/submissions/${encodeURIComponent(id)}`, SubmissionSummarySchema, { signal }))),
      ),
  });
}

/** Exercises solved per track. */
export function useTrackProgress() {
  return useQuery({
    queryKey: ['practice', 'progress'],
    queryFn: ({ signal }) => apiRequest('/api/practice/progress', TrackProgressSchema, { signal }),
    retry: false,
  });
}
