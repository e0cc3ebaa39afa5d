import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { orNull } from '../../../lib/schemas';

/** The organization's coaching policy; null fields fall back to the server's settings. */
export const PolicySchema = z.object({
  monthlyBudgetUsd: orNull(z.number()),
  learnerDailyUsd: orNull(z.number()),
  offlineFallback: orNull(z.boolean()),
  preferredModel: orNull(z.string()),
});

export type Policy = z.infer<typeof PolicySchema>;

const POLICY_PATH = '/api/coaching/organization-policy';

export const policyQueryOptions = () =>
  queryOptions({
    queryKey: ['coaching', 'organization', 'policy'],
    queryFn: ({ signal }) => apiRequest(POLICY_PATH, PolicySchema, { signal }),
  });

export function usePolicy() {
  return useSuspenseQuery(policyQueryOptions());
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: Policy) => apiRequest(POLICY_PATH, PolicySchema, { method: 'PUT', body: policy }),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyQueryOptions().queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['coaching', 'organization', 'usage'] });
    },
  });
}
