import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const ExerciseSchema = z.object({
  id: z.string(),
  trackId: z.string(),
  title: z.string(),
  skills: z.array(z.string()),
  prerequisites: z.array(z.string()),
  difficulty: z.number().int(),
  minutes: z.number().int(),
  language: z.string(),
  statementHtml: z.string(),
  starterCode: z.string(),
  publicTests: z.string(),
  hintCount: z.number().int().nonnegative(),
  contentVersion: z.string().optional(),
});

export type Exercise = z.infer<typeof ExerciseSchema>;

export function getExercise(id: string, signal?: AbortSignal): Promise<Exercise> {
  return apiRequest(`/api/content/exercises/${encodeURIComponent(id)}`, ExerciseSchema, { signal });
}

export const exerciseQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['exercises', id], queryFn: ({ signal }) => getExercise(id, signal) });

export function useExercise(id: string) {
  return useSuspenseQuery(exerciseQueryOptions(id));
}
