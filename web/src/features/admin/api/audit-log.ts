import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { orNull } from '../../../lib/schemas';

export const AuditEventSchema = z.object({
  seq: z.number(),
  id: z.string(),
  organizationId: orNull(z.string()),
  actorId: orNull(z.string()),
  action: z.string(),
  target: orNull(z.string()),
  ip: orNull(z.string()),
  userAgent: orNull(z.string()),
  details: orNull(z.string()),
  occurredAt: z.string(),
  prevHash: orNull(z.string()),
  hash: z.string(),
});

export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const VerificationSchema = z.object({
  intact: z.boolean(),
  checked: z.number(),
  firstBrokenSeq: orNull(z.number()),
});

/** The chain check, or {@code unavailable} for callers the server does not let verify it (only platform admins). */
export type ChainStatus = { kind: 'checked'; intact: boolean; checked: number; firstBrokenSeq: number | null } | { kind: 'unavailable' };

export const AUDIT_PAGE = 100;

export const auditLogQueryOptions = (organizationId: string, limit: number) =>
  queryOptions({
    queryKey: ['organizations', organizationId, 'audit', limit],
    queryFn: ({ signal }) =>
      apiRequest(`/api/organizations/${encodeURIComponent(organizationId)}/audit?limit=${limit}`, z.array(AuditEventSchema), {
        signal,
      }),
  });

export function useAuditLog(organizationId: string, limit: number) {
  return useSuspenseQuery(auditLogQueryOptions(organizationId, limit));
}

async function verifyChain(signal: AbortSignal): Promise<ChainStatus> {
  try {
    return { kind: 'checked', ...(await apiRequest('/api/audit/verify', VerificationSchema, { signal })) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      return { kind: 'unavailable' };
    }
    throw error;
  }
}

export function useChainVerification(organizationId: string) {
  return useSuspenseQuery({
    queryKey: ['organizations', organizationId, 'audit', 'verification'],
    queryFn: ({ signal }) => verifyChain(signal),
    staleTime: 0,
  });
}
