import './plans.css';
import { Link } from 'react-router';
import { formatDateTime, formatNumber, formatUsd } from '../../../lib/format';
import { useContentIndex } from '../../../lib/content-index';
import { useReviewedSubmission, type Plan } from '../api/plans';
import { PlanText } from './plan-text';

/** Who wrote it: "Offline coach" as the coach labels its offline answers, else the models used. */
export function writtenBy(plan: Plan): string {
  const models = plan.models.filter((m) => m !== 'offline');
  if (plan.offline && models.length === 0) {
    return 'Offline coach';
  }
  return `${models.join(', ')}${plan.offline ? ' · finished by the offline coach' : ''}`;
}

/** What a review is about: the exercise (linked) and which submission, once known. */
export function ReviewSubject({ plan, link = true }: { plan: Plan; link?: boolean }) {
  const submission = useReviewedSubmission(plan.submissionId).data;
  const index = useContentIndex();
  if (!submission) {
    return <>Review of a submission</>;
  }
  const title = index?.exercises.get(submission.exerciseId) ?? submission.exerciseId;
  return (
    <>
      Review of submission {submission.attemptNumber} of{' '}
      {link ? <Link to={`/exercises/${encodeURIComponent(submission.exerciseId)}`}>{title}</Link> : title}
    </>
  );
}

/** A stored plan or review: what it is about, who wrote it and when, the mentor's version, the coach's draft on request. */
export function PlanDocument({ plan, headingLevel = 1 }: { plan: Plan; headingLevel?: 1 | 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  const tokens = (plan.inputTokens ?? 0) + (plan.outputTokens ?? 0);
  return (
    <article className="plan-document" aria-labelledby={`plan-${plan.id}`}>
      <header className="plan-header">
        <p className="eyebrow">{plan.kind === 'PLAN' ? 'Learning plan' : 'Code review'}</p>
        <Heading id={`plan-${plan.id}`}>{plan.kind === 'PLAN' ? plan.goal || 'Learning plan' : <ReviewSubject plan={plan} />}</Heading>
        <p className="muted small">
          <time dateTime={plan.createdAt}>{formatDateTime(plan.createdAt)}</time> · Coach and mentor ·{' '}
          <span className={plan.offline ? 'badge' : undefined}>{writtenBy(plan)}</span>
          {tokens > 0 && ` · ${formatNumber(tokens)} tokens, ${formatUsd(plan.costUsd ?? 0)}`}
        </p>
      </header>
      <div className="prose plan-content">
        <PlanText text={plan.content} />
      </div>
      {plan.draft && plan.draft !== plan.content && (
        <details className="plan-draft">
          <summary>The coach’s draft, before the mentor’s corrections</summary>
          <PlanText text={plan.draft} />
        </details>
      )}
    </article>
  );
}
