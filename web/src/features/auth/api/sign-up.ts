import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const SignUpResultSchema = z.looseObject({ userId: z.string(), organizationId: z.string() });

export type SignUp = { displayName: string; email: string; password: string };

/**
 * Creates the account. The server also signs this browser's sign-in session in, so the
 * authorization code flow that follows needs no password page.
 */
export function signUp(account: SignUp) {
  return apiRequest('/api/auth/signup', SignUpResultSchema, { method: 'POST', body: account, authenticated: false });
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
