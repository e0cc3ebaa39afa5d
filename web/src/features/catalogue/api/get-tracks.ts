import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const ItemSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  difficulty: z.number().int(),
  minutes: z.number().int(),
  skills: z.array(z.string()),
});

export const TrackSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  order: z.number().int(),
  lessons: z.array(ItemSummarySchema),
  exercises: z.array(ItemSummarySchema),
});

export type ItemSummary = z.infer<typeof ItemSummarySchema>;
export type Track = z.infer<typeof TrackSchema>;

export function getTracks(signal?: AbortSignal): Promise<Track[]> {
  return apiRequest('/api/content/tracks', z.array(TrackSchema), { signal });
}

export const tracksQueryOptions = () =>
  queryOptions({ queryKey: ['tracks'], queryFn: ({ signal }) => getTracks(signal) });

export function useTracks() {
  return useSuspenseQuery(tracksQueryOptions());
}
