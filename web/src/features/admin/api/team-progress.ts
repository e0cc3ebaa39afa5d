import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { orNull } from '../../../lib/schemas';

export const TeamProgressSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      averageProficiency: z.number(),
      skillsMastered: z.number(),
      activitiesLast7Days: z.number(),
      lastActiveAt: orNull(z.string()),
    }),
  ),
  weekly: z.array(z.object({ weekStart: z.string(), averageProficiency: z.number(), activities: z.number() })),
});

export type TeamProgress = z.infer<typeof TeamProgressSchema>;

export const AtRiskSchema = z.object({
  days: z.number(),
  failureStreak: z.number(),
  learners: z.array(
    z.object({
      userId: z.string(),
      lastActivityAt: orNull(z.string()),
      reasons: z.array(
        z.object({ kind: z.string(), skillId: orNull(z.string()), detail: z.string(), attemptIds: z.array(z.string()) }),
      ),
    }),
  ),
});

export const teamProgressQueryOptions = () =>
  queryOptions({
    queryKey: ['mastery', 'organization', 'progress'],
    queryFn: ({ signal }) => apiRequest('/api/mastery/organization/progress', TeamProgressSchema, { signal }),
  });

export function useTeamProgress() {
  return useSuspenseQuery(teamProgressQueryOptions());
}

export function useAtRisk() {
  return useSuspenseQuery({
    queryKey: ['mastery', 'organization', 'at-risk'],
    queryFn: ({ signal }) => apiRequest('/api/mastery/organization/at-risk', AtRiskSchema, { signal }),
  });
}
