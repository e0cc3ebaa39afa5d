import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const SearchResultSchema = z.object({
  sourceId: z.string(),
  title: z.string(),
  section: z.string().nullish(),
  sectionAnchor: z.string().nullish(),
  snippet: z.string().nullish(),
  highlighted: z.string().nullish(),
  sourceType: z.string(),
  track: z.string().nullish(),
  skills: z.array(z.string()).default([]),
  score: z.number(),
});

export const SearchResponseSchema = z.object({ query: z.string(), results: z.array(SearchResultSchema) });

export type SearchResult = z.infer<typeof SearchResultSchema>;

export function useSearch(query: string, type: string) {
  const params = new URLSearchParams({ q: query, limit: '20' });
  if (type) {
    params.set('type', type);
  }
  return useQuery({
    queryKey: ['knowledge', 'search', query, type],
    queryFn: ({ signal }) => apiRequest(`/api/knowledge/search?${params}`, SearchResponseSchema, { signal }),
    enabled: query.trim() !== '',
    staleTime: 60_000,
  });
}

/** Where a result leads: the lesson section, the exercise (for its statement and hints); documents have no page. */
export function resultHref(result: SearchResult): string | null {
  const anchor = result.sectionAnchor ? `#${encodeURIComponent(result.sectionAnchor)}` : '';
  switch (result.sourceType) {
    case 'lesson':
      return `/lessons/${encodeURIComponent(result.sourceId)}${anchor}`;
    case 'exercise':
    case 'hint':
      return `/exercises/${encodeURIComponent(result.sourceId)}`;
    default:
      return null;
  }
}
