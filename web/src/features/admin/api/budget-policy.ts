import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** The organization's coaching policy; null fields fall back to the server's settings. */
export const PolicySchema = z.object({
  monthlyBudgetUsd: z.number().nullable(),
  learnerDailyUsd: z.number().nullable(),
  offlineFallback: z.boolean().nullable(),
  preferredModel: z.string().nullable(),
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
