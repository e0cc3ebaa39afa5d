import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../api-client';
import { useSession } from './use-session';

export const MfaStatusSchema = z.object({ enabled: z.boolean(), required: z.boolean(), verified: z.boolean() });

export const MeSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  organizationId: z.string(),
  roles: z.array(z.string()),
  scopes: z.array(z.string()),
  /** Absent on servers without two-factor authentication. */
  mfa: MfaStatusSchema.optional(),
});

export type Me = z.infer<typeof MeSchema>;

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => apiRequest('/api/me', MeSchema, { signal }) });

/** Who is signed in (only asked while a session exists). */
export function useMe() {
  const session = useSession();
  const query = useQuery({ ...meQueryOptions(), enabled: session.status === 'signed-in' });
  return { session, ...query };
}

/** Whether {@code me} may administer their organization. */
export function isOrgAdmin(me: Me | undefined): boolean {
  return !!me && (me.roles.includes('org_admin') || me.roles.includes('platform_admin'));
}
