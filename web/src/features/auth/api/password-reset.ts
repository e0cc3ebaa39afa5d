import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** Asks for a reset link by email; the answer is the same whether or not the account exists. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest('/api/auth/password-reset', z.unknown(), { method: 'POST', body: { email }, authenticated: false }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (reset: { token: string; newPassword: string }) =>
      apiRequest('/api/auth/password-reset/confirm', z.undefined(), { method: 'POST', body: reset, authenticated: false }),
  });
}
