import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { orNull } from '../../../lib/schemas';

const Counts = {
  messages: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
};

export const UsageSchema = z.object({
  organizationId: z.string(),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  budget: z.object({
    monthlyBudgetUsd: orNull(z.number()),
    spentThisMonthUsd: z.number(),
    dailyAllowancePerLearnerUsd: orNull(z.number()),
  }),
  byDay: z.array(z.object({ date: z.string(), ...Counts })),
  byMember: z.array(z.object({ userId: z.string(), displayName: z.string(), ...Counts })),
  byModel: z.array(z.object({ model: z.string(), ...Counts })),
});

export type Usage = z.infer<typeof UsageSchema>;

export type UsagePeriod = { from: string; to: string };

/** The current month so far, in the browser's calendar. */
export function currentMonth(today = new Date()): UsagePeriod {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { from: day(new Date(today.getFullYear(), today.getMonth(), 1)), to: day(today) };
}

export const usageQueryOptions = (period: UsagePeriod) =>
  queryOptions({
    queryKey: ['coaching', 'organization', 'usage', period.from, period.to],
    queryFn: ({ signal }) =>
      apiRequest(`/api/coaching/organization/usage?${new URLSearchParams(period).toString()}`, UsageSchema, { signal }),
  });

export function useUsage(period: UsagePeriod) {
  return useSuspenseQuery(usageQueryOptions(period));
}
