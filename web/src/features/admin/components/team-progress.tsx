import { DataTable } from '../../../components/ui/data-table';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { useAtRisk, useTeamProgress } from '../api/team-progress';
import { LineChart, BarChart, Meter } from './charts';

const percent = (value: number) => `${Math.round(value)}%`;

/** The team's mastery over the last twelve weeks and where each member stands. */
export function TeamProgressReport() {
  const { data: progress } = useTeamProgress();
  const weeks = progress.weekly.map((w) => ({ label: w.weekStart.slice(5), value: w.averageProficiency }));
  const latest = progress.weekly.at(-1);
  const activities = progress.weekly.map((w) => ({ label: w.weekStart.slice(5), value: w.activities }));
  return (
    <div className="stack">
      <div className="chart-grid-2">
        <LineChart title="Average proficiency per week" valueLabel="Average proficiency" format={percent} max={100} points={weeks}
          summary={latest
            ? `Average proficiency ${percent(latest.averageProficiency)} in the week of ${formatDate(latest.weekStart)}, over ${weeks.length} weeks.`
            : 'No weeks recorded yet.'} />
        <BarChart title="Activities per week" valueLabel="Activities" format={formatNumber} points={activities}
          summary={`${formatNumber(activities.reduce((s, a) => s + a.value, 0))} answers and submissions over ${activities.length} weeks.`} />
      </div>
      {progress.members.length === 0 ? (
        <p>Nobody in the organization has started learning yet.</p>
      ) : (
        <DataTable label="Progress by member">
          <caption>Progress by member</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Average proficiency</th>
              <th scope="col" className="num">Skills mastered</th>
              <th scope="col" className="num">Activities (7 days)</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {progress.members.map((member) => (
              <tr key={member.userId}>
                <th scope="row">{member.displayName}</th>
                <td>
                  <Meter value={member.averageProficiency} max={100} label={`Average proficiency of ${member.displayName}`}
                    text={percent(member.averageProficiency)} />
                </td>
                <td className="num">{formatNumber(member.skillsMastered)}</td>
                <td className="num">{formatNumber(member.activitiesLast7Days)}</td>
                <td>{member.lastActiveAt ? formatDateTime(member.lastActiveAt) : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}

/** Learners who may need a hand: idle for the period, or failing the same skill again and again. */
export function AtRiskList({ names }: { names: Map<string, string> }) {
  const { data } = useAtRisk();
  if (data.learners.length === 0) {
    return <p>Nobody looks stuck: everyone answered within {data.days} days without {data.failureStreak} failures in a row.</p>;
  }
  return (
    <ul className="at-risk">
      {data.learners.map((learner) => (
        <li key={learner.userId} className="card">
          <p>
            <strong>{names.get(learner.userId) ?? `${learner.userId.slice(0, 8)}…`}</strong>{' '}
            <span className="muted">last active {learner.lastActivityAt ? formatDate(learner.lastActivityAt) : 'never'}</span>
          </p>
          <ul>
            {learner.reasons.map((reason) => (
              <li key={`${reason.kind}-${reason.skillId ?? ''}`}>{reason.detail}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
