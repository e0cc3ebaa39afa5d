import './plans.css';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import type { Plan, PlanKind } from '../api/plans';
import { wasCut, type CrewRun } from '../utils/crew-run';
import { PlanText } from './plan-text';

type Props = {
  run: CrewRun;
  kind: PlanKind;
  onStop: () => void;
  onRetry: () => void;
  /** The document the crew stored after the learner stopped following it (or the stream was cut). */
  storedLater?: Plan | null;
  headingLevel?: 2 | 3 | 4;
};

type Step = { label: string; state: 'waiting' | 'working' | 'done' };

const STATE_WORDS: Record<Step['state'], string> = { waiting: 'waiting', working: 'working…', done: 'done' };

function stepsOf(run: CrewRun, kind: PlanKind): Step[] {
  const agent = run.agent?.name;
  const stored = run.document !== null;
  return [
    { label: kind === 'PLAN' ? 'The coach drafts the plan' : 'The coach reviews your code', state: run.draft !== null ? 'done' : agent === 'coach' ? 'working' : 'waiting' },
    {
      label: kind === 'PLAN' ? 'The mentor checks the plan' : 'The mentor checks the review’s teaching',
      state: run.review !== null ? 'done' : agent === 'mentor' ? 'working' : 'waiting',
    },
    { label: 'Stored in your plans', state: stored ? 'done' : run.review !== null ? 'working' : 'waiting' },
  ];
}

/**
 * A coach + mentor crew at work, step by step: who is working, the coach's draft, then the
 * mentor's version; Stop while it runs, the problem and Try again when it fails. Each step is
 * announced to screen readers (a log, so steps arriving together are each heard).
 */
export function CrewProgress({ run, kind, onStop, onRetry, storedLater = null, headingLevel = 2 }: Props) {
  const titleId = useId();
  if (run.status === 'idle') {
    return null;
  }
  const Heading = `h${headingLevel}` as const;
  const running = run.status === 'running';
  const thing = kind === 'PLAN' ? 'plan' : 'review';
  return (
    <section className="crew-progress card" aria-labelledby={titleId} aria-busy={running}>
      <Heading id={titleId}>{running ? `Writing your ${thing}` : `How your ${thing} was written`}</Heading>
      <div className="visually-hidden crew-announcements" role="log" aria-live="polite" aria-label={`Progress of your ${thing}`}>
        {run.announcements.map((sentence, i) => (
          <p key={i}>{sentence}</p>
        ))}
      </div>
      <ol className="crew-steps">
        {stepsOf(run, kind).map((step) => (
          <li key={step.label} className={`crew-step ${step.state}`}>
            {step.state === 'working' && running ? <span className="spinner" aria-hidden="true" /> : <span className="crew-dot" aria-hidden="true" />}
            <span>{step.label}</span> <span className="muted small">({step.state === 'working' && !running ? 'interrupted' : STATE_WORDS[step.state]})</span>
          </li>
        ))}
      </ol>
      {run.agent?.offline && (
        <p className="muted small">
          Offline crew: no AI model is used{run.restarted ? ' (the models could not finish it)' : ''}; the {thing} comes from your learning data.
        </p>
      )}
      {running && (
        <div className="actions">
          <button type="button" className="button secondary" onClick={onStop}>
            Stop
          </button>
        </div>
      )}
      {run.review === null && run.draft !== null && (
        <div className="crew-text">
          <p className="crew-text-label">The coach’s draft</p>
          <PlanText text={run.draft} />
        </div>
      )}
      {run.review !== null && run.document === null && (
        <div className="crew-text">
          <p className="crew-text-label">The mentor’s version</p>
          <PlanText text={run.review} />
        </div>
      )}
      {run.status === 'stopped' && (
        <div className="notice">
          {storedLater ? null : (
            <p>
              Stopped following. The crew finishes on the server all the same, so the {thing} appears in your list in a moment.
            </p>
          )}
          <button type="button" className="button secondary" onClick={onRetry}>
            Start again
          </button>
        </div>
      )}
      {run.status === 'failed' && (
        <>
          <ErrorMessage error={run.error} title={`Your ${thing} could not be written`} onRetry={onRetry} />
          {wasCut(run.error) && !storedLater && (
            <p className="muted small">If the server received the request, it finishes the {thing} anyway: check your list before trying again.</p>
          )}
        </>
      )}
      <div role="status" className="crew-stored-later">
        {storedLater && (
          <p>
            The crew finished on the server: your {thing} is stored.{' '}
            <Link to={`/${kind === 'PLAN' ? 'plans' : 'reviews'}/${encodeURIComponent(storedLater.id)}`}>Open your {thing}</Link>
          </p>
        )}
      </div>
    </section>
  );
}
