import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const HealthSchema = z.object({ status: z.string() });

export type Health = z.infer<typeof HealthSchema>;

/** The server's readiness; a server that is not ready answers 503, which arrives as an ApiError. */
export function getReadiness(signal?: AbortSignal): Promise<Health> {
  return apiRequest('/actuator/health/readiness', HealthSchema, { signal });
}

export const readinessQueryOptions = () =>
  queryOptions({ queryKey: ['readiness'], queryFn: ({ signal }) => getReadiness(signal), retry: false, staleTime: 30_000 });

export function useReadiness() {
  return useQuery(readinessQueryOptions());
}
