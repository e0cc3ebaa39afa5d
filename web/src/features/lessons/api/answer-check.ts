import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export const CheckResultSchema = z.object({ correct: z.boolean(), explanation: z.string() });

export type CheckResult = z.infer<typeof CheckResultSchema>;

export type AnswerCheckInput = { lessonId: string; checkId: string; answer: string };

/** Grades an answer: a choice question's answer is the option's index, a short one's the text. */
export function answerCheck({ lessonId, checkId, answer }: AnswerCheckInput): Promise<CheckResult> {
  const path = `/api/content/lessons/${encodeURIComponent(lessonId)}/checks/${encodeURIComponent(checkId)}`;
  return apiRequest(path, CheckResultSchema, { method: 'POST', body: { answer } });
}

export function useAnswerCheck() {
  return useMutation({ mutationFn: answerCheck });
}
