import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth/me';

export const EnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export type Enrolment = z.infer<typeof EnrolmentSchema>;

/** Starts (or restarts) setting up an authenticator app. */
export function useStartTotp() {
  return useMutation({ mutationFn: () => apiRequest('/api/me/mfa/totp', EnrolmentSchema, { method: 'POST' }) });
}

/** Confirms the app with its first code; two-factor sign-in is on from then on. */
export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiRequest('/api/me/mfa/totp/confirm', RecoveryCodesSchema, { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useNewRecoveryCodes() {
  return useMutation({
    mutationFn: (code: string) => apiRequest('/api/me/mfa/recovery-codes', RecoveryCodesSchema, { method: 'POST', body: { code } }),
  });
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiRequest('/api/me/mfa', z.undefined(), { method: 'DELETE', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
