import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import type { MemberRole } from './members';

export const InvitationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  role: z.string(),
  expiresAt: z.string(),
  /** Shown only in this answer: the invitation link is built from it. */
  token: z.string(),
});

export type Invitation = z.infer<typeof InvitationSchema>;

export type NewInvitation = { email: string; role: MemberRole };

/** The link an invited person opens to join (the token travels in the fragment, never to a server log). */
export function invitationLink(token: string): string {
  return new URL(`/invitations/accept#token=${encodeURIComponent(token)}`, globalThis.location.origin).toString();
}

export function useCreateInvitation(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: NewInvitation) =>
      apiRequest(`/api/organizations/${encodeURIComponent(organizationId)}/invitations`, InvitationSchema, {
        method: 'POST',
        body: invitation,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations', organizationId, 'audit'] }),
  });
}

/** What each role may do, as the invitation form explains it. */
export const ROLE_LABELS_FOR_INVITE: Record<MemberRole, string> = {
  learner: 'Learns: lessons, exercises and the coach.',
  instructor: 'Also writes content and reads the team’s analytics.',
  org_admin: 'Also manages members, budgets and the audit log.',
};
