import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from './api-client';

const Item = z.looseObject({ id: z.string(), title: z.string() });
const TrackIndex = z.array(z.looseObject({ id: z.string(), lessons: z.array(Item), exercises: z.array(Item) }));

/** Which curriculum ids are lessons and which are exercises, with their titles: enough to link to them. */
export type ContentIndex = { lessons: Map<string, string>; exercises: Map<string, string> };

export const contentIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['content-index'],
    queryFn: async ({ signal }): Promise<ContentIndex> => {
      const tracks = await apiRequest('/api/content/tracks', TrackIndex, { signal });
      return {
        lessons: new Map(tracks.flatMap((t) => t.lessons.map((l) => [l.id, l.title] as const))),
        exercises: new Map(tracks.flatMap((t) => t.exercises.map((e) => [e.id, e.title] as const))),
      };
    },
    staleTime: 30 * 60 * 1000,
  });

/** The index once loaded (links fall back to the lesson reader until then). */
export function useContentIndex(): ContentIndex | undefined {
  return useQuery(contentIndexQueryOptions()).data;
}

/**
 * The app's address of a curriculum item: lessons (and their sections or check questions,
 * {@code lesson/check}) open in the reader, exercises in the workspace; other sources have none.
 */
export function contentHref(index: ContentIndex | undefined, sourceId: string, anchor?: string | null): string | null {
  const hash = anchor ? `#${encodeURIComponent(anchor)}` : '';
  const [head, check] = sourceId.split('/', 2);
  if (index?.exercises.has(sourceId)) {
    return `/exercises/${encodeURIComponent(sourceId)}${hash}`;
  }
  if (check !== undefined) {
    return index && !index.lessons.has(head) ? null : `/lessons/${encodeURIComponent(head)}`;
  }
  if (!index || index.lessons.has(sourceId)) {
    return `/lessons/${encodeURIComponent(sourceId)}${hash}`;
  }
  return null;
}

const SkillNames = z.array(z.looseObject({ id: z.string(), name: z.string() }));

export const skillNamesQueryOptions = () =>
  queryOptions({
    queryKey: ['skill-names'],
    queryFn: async ({ signal }) =>
      new Map((await apiRequest('/api/content/skills', SkillNames, { signal })).map((s) => [s.id, s.name] as const)),
    staleTime: 30 * 60 * 1000,
  });

/** Skill names by id, once loaded; callers show the id until then. */
export function useSkillNames(): Map<string, string> | undefined {
  return useQuery(skillNamesQueryOptions()).data;
}
