/** One answer that moved mastery, as the per-skill histories report it. */
export type ActivityPoint = { attemptId: string; skillId: string; proficiency: number; occurredAt: string };

/** One answer with every skill it moved. */
export type Activity = { attemptId: string; occurredAt: string; skills: { skillId: string; proficiency: number }[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Graded submissions are recorded under their submission id; placement answers under "placement:…". */
export function isSubmission(attemptId: string): boolean {
  return UUID.test(attemptId);
}

/** Merges the per-skill points into answers, newest first (one answer may move several skills). */
export function activities(points: ActivityPoint[]): Activity[] {
  const byAttempt = new Map<string, Activity>();
  for (const point of points) {
    const entry = byAttempt.get(point.attemptId) ?? { attemptId: point.attemptId, occurredAt: point.occurredAt, skills: [] };
    entry.skills.push({ skillId: point.skillId, proficiency: point.proficiency });
    if (point.occurredAt > entry.occurredAt) {
      entry.occurredAt = point.occurredAt;
    }
    byAttempt.set(point.attemptId, entry);
  }
  return [...byAttempt.values()].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Days in a row, in the learner's time zone, with at least one answer, ending today (or yesterday:
 * a streak is not lost before the day is over).
 */
export function streakDays(times: string[], now: Date = new Date()): number {
  const days = new Set(times.map((t) => localDay(new Date(t))));
  const cursor = new Date(now);
  if (!days.has(localDay(cursor))) {
    cursor.setDate(cursor.getDate() - 1);
  }
  let streak = 0;
  while (days.has(localDay(cursor))) {
    streak += 1;
    cursor.setDate(cursor.getDate() - 1);
  }
  return streak;
}
