import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const SkillSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  prerequisites: z.array(z.string()),
});

export type Skill = z.infer<typeof SkillSchema>;

export function getSkills(signal?: AbortSignal): Promise<Skill[]> {
  return apiRequest('/api/content/skills', z.array(SkillSchema), { signal });
}

export const skillsQueryOptions = () =>
  queryOptions({ queryKey: ['skills'], queryFn: ({ signal }) => getSkills(signal) });

export function useSkills() {
  return useSuspenseQuery(skillsQueryOptions());
}
