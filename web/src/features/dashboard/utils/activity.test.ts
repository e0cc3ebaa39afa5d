import { activities, isSubmission, streakDays } from './activity';

describe('dashboard activity', () => {
  it('counts the days in a row with an answer, ending today or yesterday', () => {
    const now = new Date(2026, 2, 10, 18, 0);
    const at = (day: number, hour = 12) => new Date(2026, 2, day, hour).toISOString();
    expect(streakDays([at(10), at(9), at(9, 8), at(8), at(6)], now)).toBe(3);
    expect(streakDays([at(9), at(8)], now)).toBe(2);
    expect(streakDays([at(8)], now)).toBe(0);
    expect(streakDays([], now)).toBe(0);
  });

  it('merges the per-skill points of one answer, newest answer first', () => {
    const merged = activities([
      { attemptId: 'a', skillId: 's1', proficiency: 40, occurredAt: '2026-01-01T10:00:00Z' },
      { attemptId: 'b', skillId: 's1', proficiency: 55, occurredAt: '2026-01-02T10:00:00Z' },
      { attemptId: 'a', skillId: 's2', proficiency: 30, occurredAt: '2026-01-01T10:00:00Z' },
    ]);
    expect(merged.map((a) => [a.attemptId, a.skills.map((s) => s.skillId)])).toEqual([
      ['b', ['s1']],
      ['a', ['s1', 's2']],
    ]);
  });

  it('tells graded submissions from placement answers', () => {
    expect(isSubmission('10000000-0000-4000-8000-000000000001')).toBe(true);
    expect(isSubmission('placement:abc:1')).toBe(false);
  });
});
