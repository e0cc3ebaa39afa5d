import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { orNull } from '../../../lib/schemas';

export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  expiresAt: orNull(z.string()),
  lastUsedAt: orNull(z.string()),
  usageCount: z.number(),
  revokedAt: orNull(z.string()),
  createdAt: z.string(),
});

export type ApiKey = z.infer<typeof ApiKeySchema>;

export const CreatedKeySchema = z.object({ key: ApiKeySchema, secret: z.string() });

export type NewApiKey = { name: string; scopes: string[]; expiresAt: string | null };

/** What each scope lets a key do, in the words the page shows. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  'content:read': 'Read the curriculum',
  'practice:submit': 'Run and submit exercise solutions',
  'coach:chat': 'Talk to the coach',
  profile: 'Read your profile and manage your API keys',
  'content:write': "Write your organization's own content",
  'analytics:read': "Read your organization's analytics",
  'org:admin': 'Administer your organization',
};

const keysQueryKey = ['api-keys'] as const;

export const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: keysQueryKey,
    queryFn: ({ signal }) => apiRequest('/api/api-keys', z.array(ApiKeySchema), { signal }),
  });

export function useApiKeys() {
  return useSuspenseQuery(apiKeysQueryOptions());
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: NewApiKey) => apiRequest('/api/api-keys', CreatedKeySchema, { method: 'POST', body: key }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keysQueryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/api-keys/${encodeURIComponent(id)}`, ApiKeySchema, { method: 'DELETE' }),
    onSuccess: (revoked) =>
      queryClient.setQueryData(apiKeysQueryOptions().queryKey, (keys) => keys?.map((k) => (k.id === revoked.id ? revoked : k))),
  });
}
