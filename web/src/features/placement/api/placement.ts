import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../lib/api-client';

export const PlacementSchema = z.object({
  id: z.string(),
  status: z.enum(['IN_PROGRESS', 'FINISHED', 'SKIPPED']),
  asked: z.number().int(),
  maxItems: z.number().int(),
  question: z
    .object({
      itemId: z.string(),
      skillId: z.string(),
      type: z.string(),
      prompt: z.string(),
      options: z.array(z.string()),
    })
    .nullish(),
  estimates: z.record(z.string(), z.number()),
  startedAt: z.string(),
  finishedAt: z.string().nullish(),
});

export type Placement = z.infer<typeof PlacementSchema>;

export const placementQueryKey = ['mastery', 'placement'] as const;

/** The learner's latest placement, or null before their first. */
export async function getPlacement(signal?: AbortSignal): Promise<Placement | null> {
  try {
    return await apiRequest('/api/mastery/placement', PlacementSchema, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export function usePlacement() {
  return useQuery({ queryKey: placementQueryKey, queryFn: ({ signal }) => getPlacement(signal), staleTime: 0 });
}

function useUpdatesPlacement<T>(call: (input: T) => Promise<Placement>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (placement) => {
      queryClient.setQueryData(placementQueryKey, placement);
      if (placement.status !== 'IN_PROGRESS') {
        // a finished placement changes mastery and with it the path
        void queryClient.invalidateQueries({ queryKey: ['mastery'], refetchType: 'none' });
      }
    },
  });
}

export function useStartPlacement() {
  return useUpdatesPlacement((skip: boolean) =>
    apiRequest('/api/mastery/placement', PlacementSchema, { method: 'POST', body: { skip } }),
  );
}

export function useAnswerPlacement() {
  return useUpdatesPlacement((body: { itemId: string; answer: string }) =>
    apiRequest('/api/mastery/placement/answers', PlacementSchema, { method: 'POST', body }),
  );
}
