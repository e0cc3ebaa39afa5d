import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const HintSchema = z.object({ number: z.number().int(), of: z.number().int(), hint: z.string() });

export type Hint = z.infer<typeof HintSchema>;

export function getHint(exerciseId: string, number: number, signal?: AbortSignal): Promise<Hint> {
  return apiRequest(`/api/content/exercises/${encodeURIComponent(exerciseId)}/hints/${number}`, HintSchema, { signal });
}

export const hintQueryOptions = (exerciseId: string, number: number) =>
  queryOptions({
    queryKey: ['exercises', exerciseId, 'hints', number],
    queryFn: ({ signal }) => getHint(exerciseId, number, signal),
    staleTime: Infinity,
  });

/** Fetches a hint only once {@code enabled}: hints are asked for, never prefetched. */
export function useHint(exerciseId: string, number: number, enabled = true) {
  return useQuery({ ...hintQueryOptions(exerciseId, number), enabled });
}
