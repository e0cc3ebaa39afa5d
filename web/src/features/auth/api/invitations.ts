import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const AcceptedSchema = z.object({ invitationId: z.string(), organizationId: z.string(), role: z.string() });

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (token: string) => apiRequest('/api/invitations/accept', AcceptedSchema, { method: 'POST', body: { token } }),
  });
}
