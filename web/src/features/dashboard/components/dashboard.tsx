import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { MasteryBar } from '../../../components/ui/mastery-bar';
import { apiRequest } from '../../../lib/api-client';
import { contentHref, useContentIndex, useSkillNames } from '../../../lib/content-index';
import {
  useActivity,
  useForecast,
  useGoal,
  useMasteries,
  usePath,
  useSubmissionSummaries,
  useTrackProgress,
  type Step,
} from '../api/mastery';
import { activities, isSubmission, streakDays } from '../utils/activity';

const PURPOSE: Record<string, string> = { REVIEW: 'Review', PRACTICE: 'Practice', NEW_SKILL: 'New skill' };

function StepLink({ step }: { step: Step }) {
  const index = useContentIndex();
  const href = contentHref(index, step.activityId);
  return href ? <Link to={href}>{step.title}</Link> : <span>{step.title}</span>;
}

function NextActivity() {
  const path = usePath();
  if (path.isPending) {
    return <Loading label="Loading your path" />;
  }
  if (path.isError) {
    return <ErrorMessage error={path.error} title="Your learning path could not be loaded" onRetry={() => path.refetch()} />;
  }
  const [next, ...rest] = path.data.steps;
  if (!next) {
    return <p className="muted">Nothing is left on your path: every skill toward your goal is mastered.</p>;
  }
  return (
    <>
      <div className="next-activity card">
        <p className="eyebrow">Next best activity · {PURPOSE[next.purpose] ?? next.purpose}</p>
        <p className="next-title">
          <StepLink step={next} />
        </p>
        <p>{next.reason}</p>
        <p className="muted small">Chance you pass it now: {Math.round(next.predictedSuccess * 100)}%</p>
      </div>
      {rest.length > 0 && (
        <>
          <h3>Then</h3>
          <ol className="path-list">
            {rest.map((step) => (
              <li key={step.activityId}>
                <StepLink step={step} /> <span className="badge">{PURPOSE[step.purpose] ?? step.purpose}</span>
                <p className="muted small">{step.reason}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function Goal() {
  const id = useId();
  const goal = useGoal();
  const names = useSkillNames();
  const forecast = useForecast(Boolean(goal.data));
  const queryClient = useQueryClient();
  const setGoal = useMutation({
    mutationFn: (skillId: string) =>
      apiRequest('/api/mastery/goal', z.object({ skillId: z.string() }), { method: 'PUT', body: { skillId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mastery'] }),
  });
  if (goal.isPending) {
    return null;
  }
  return (
    <div className="goal">
      <label htmlFor={`${id}-goal`}>Your goal</label>
      <select
        id={`${id}-goal`}
        value={goal.data?.skillId ?? ''}
        onChange={(e) => e.target.value && setGoal.mutate(e.target.value)}
        disabled={setGoal.isPending || !names}
      >
        <option value="">The whole curriculum</option>
        {names && [...names.entries()].map(([skillId, name]) => (
          <option key={skillId} value={skillId}>
            {name}
          </option>
        ))}
      </select>
      {forecast.data && (
        <p className="muted small">
          About {forecast.data.expectedActivities} activities ({forecast.data.expectedMinutes} min) until you master it.
        </p>
      )}
      {setGoal.error && <ErrorMessage error={setGoal.error} title="Your goal could not be saved" />}
    </div>
  );
}

function RecentResults({ points }: { points: Parameters<typeof activities>[0] }) {
  const names = useSkillNames();
  const index = useContentIndex();
  const recent = activities(points).slice(0, 5);
  const submissions = useSubmissionSummaries(recent.filter((a) => isSubmission(a.attemptId)).map((a) => a.attemptId));
  if (recent.length === 0) {
    return <p className="muted">No results yet. Answer the placement or submit an exercise to see them here.</p>;
  }
  const byId = new Map((submissions.data ?? []).filter((s) => s !== null).map((s) => [s!.id, s!]));
  return (
    <ul className="recent-list">
      {recent.map((activity) => {
        const submission = byId.get(activity.attemptId);
        const title = submission ? (index?.exercises.get(submission.exerciseId) ?? submission.exerciseId) : null;
        const href = submission ? contentHref(index, submission.exerciseId) : null;
        const verdict = submission?.verdict;
        return (
          <li key={activity.attemptId}>
            <p>
              {submission ? (
                <>
                  {href ? <Link to={href}>{title}</Link> : title}: submission {submission.attemptNumber},{' '}
                  <strong className={verdict?.passed ? 'ok' : 'bad'}>
                    {verdict ? (verdict.passed ? 'solved' : `not yet (${Math.round(verdict.score * 100)}%)`) : submission.status}
                  </strong>
                </>
              ) : isSubmission(activity.attemptId) ? (
                'An exercise submission'
              ) : (
                'A placement answer'
              )}
            </p>
            <p className="muted small">
              {activity.skills.map((s) => `${names?.get(s.skillId) ?? s.skillId} → ${s.proficiency}%`).join(', ')} ·{' '}
              <time dateTime={activity.occurredAt}>{new Date(activity.occurredAt).toLocaleString()}</time>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function Progress() {
  const masteries = useMasteries();
  const names = useSkillNames();
  const practised = (masteries.data?.skills ?? []).filter((s) => s.attempts > 0).map((s) => s.skillId);
  const activity = useActivity(practised);
  if (masteries.isPending) {
    return <Loading label="Loading your skills" />;
  }
  if (masteries.isError) {
    return <ErrorMessage error={masteries.error} title="Your skills could not be loaded" onRetry={() => masteries.refetch()} />;
  }
  const points = activity.data ?? [];
  const streak = streakDays(points.map((p) => p.occurredAt));
  const skills = [...masteries.data.skills].sort((a, b) => b.proficiency - a.proficiency);
  return (
    <>
      <section className="card" aria-labelledby="streak-title">
        <h2 id="streak-title">Streak</h2>
        <p className="streak">
          <span className="streak-number">{streak}</span> {streak === 1 ? 'day' : 'days'} in a row
        </p>
        <p className="muted small">{streak === 0 ? 'Answer a question or submit an exercise today to start one.' : 'Keep it going today.'}</p>
      </section>
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent results</h2>
        {activity.isError ? <ErrorMessage error={activity.error} title="Your results could not be loaded" /> : <RecentResults points={points} />}
      </section>
      <section className="card dashboard-skills" aria-labelledby="skills-title">
        <h2 id="skills-title">Your skills</h2>
        {skills.length === 0 ? (
          <p className="muted">No estimates yet: take the placement to get them.</p>
        ) : (
          <div className="mastery-list">
            {skills.map((s) => (
              <MasteryBar key={s.skillId} label={names?.get(s.skillId) ?? s.skillId} proficiency={s.proficiency} />
            ))}
          </div>
        )}
        <p className="small">
          <Link to="/skills">All skills and how they build on each other</Link>
        </p>
      </section>
    </>
  );
}

function TrackProgress() {
  const progress = useTrackProgress();
  const tracks = progress.data?.tracks ?? [];
  if (tracks.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="tracks-title">
      <h2 id="tracks-title">Exercises solved</h2>
      <ul className="track-progress">
        {tracks.map((t) => (
          <li key={t.trackId}>
            <span>{t.trackId}</span>{' '}
            <progress max={Math.max(1, t.exercisesTotal)} value={t.exercisesSolved} aria-label={`${t.trackId}: exercises solved`} />{' '}
            <span className="small">
              {t.exercisesSolved} of {t.exercisesTotal}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The learner's dashboard: what to do next and why, the goal, streak, recent results and skills. */
export function Dashboard() {
  return (
    <div className="dashboard">
      <section className="dashboard-path" aria-labelledby="path-title">
        <h2 id="path-title">Your path</h2>
        <Goal />
        <NextActivity />
      </section>
      <div className="dashboard-side">
        <Progress />
        <TrackProgress />
      </div>
    </div>
  );
}
