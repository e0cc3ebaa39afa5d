import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const ROLES = ['learner', 'instructor', 'org_admin'] as const;
export type MemberRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<string, string> = {
  learner: 'Learner',
  instructor: 'Instructor',
  org_admin: 'Organization admin',
  platform_admin: 'Platform admin',
};

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  active: z.boolean(),
  since: z.string(),
});

export type Member = z.infer<typeof MemberSchema>;

const membersPath = (organizationId: string) => `/api/organizations/${encodeURIComponent(organizationId)}/members`;

export const membersQueryOptions = (organizationId: string) =>
  queryOptions({
    queryKey: ['organizations', organizationId, 'members'],
    queryFn: ({ signal }) => apiRequest(membersPath(organizationId), z.array(MemberSchema), { signal }),
  });

export function useMembers(organizationId: string) {
  return useSuspenseQuery(membersQueryOptions(organizationId));
}

export type MemberChange = { userId: string; role?: MemberRole; active?: boolean };

/** Changes a member's role or active flag; the list is refreshed from the answer. */
export function useUpdateMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...change }: MemberChange) =>
      apiRequest(`${membersPath(organizationId)}/${encodeURIComponent(userId)}`, MemberSchema, {
        method: 'PATCH',
        body: change,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(membersQueryOptions(organizationId).queryKey, (members) =>
        members?.map((m) => (m.userId === updated.userId ? updated : m)),
      );
      void queryClient.invalidateQueries({ queryKey: ['organizations', organizationId, 'audit'] });
    },
  });
}
