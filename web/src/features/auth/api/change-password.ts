import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export type PasswordChange = { currentPassword: string; newPassword: string };

/** Changes the signed-in person's password; the current one proves it is them (204, no body). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (change: PasswordChange) =>
      apiRequest('/api/me/password', z.undefined(), { method: 'POST', body: change }),
  });
}
