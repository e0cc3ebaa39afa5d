import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const SectionSchema = z.object({ anchor: z.string(), title: z.string(), level: z.number().int() });

export const CheckSchema = z.object({
  id: z.string(),
  type: z.enum(['CHOICE', 'SHORT']),
  prompt: z.string(),
  options: z.array(z.string()),
  skill: z.string().optional(),
});

export const LessonSchema = z.object({
  id: z.string(),
  trackId: z.string(),
  title: z.string(),
  skills: z.array(z.string()),
  prerequisites: z.array(z.string()),
  difficulty: z.number().int(),
  minutes: z.number().int(),
  html: z.string(),
  sections: z.array(SectionSchema),
  checks: z.array(CheckSchema),
  contentVersion: z.string().optional(),
});

export type Section = z.infer<typeof SectionSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Lesson = z.infer<typeof LessonSchema>;

export function getLesson(id: string, signal?: AbortSignal): Promise<Lesson> {
  return apiRequest(`/api/content/lessons/${encodeURIComponent(id)}`, LessonSchema, { signal });
}

export const lessonQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['lessons', id], queryFn: ({ signal }) => getLesson(id, signal) });

export function useLesson(id: string) {
  return useSuspenseQuery(lessonQueryOptions(id));
}
