import './plans.css';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { usePlansAndReviews, type Plan } from '../api/plans';
import { ReviewSubject, writtenBy } from './plan-document';

function hrefOf(plan: Plan): string {
  return `/${plan.kind === 'PLAN' ? 'plans' : 'reviews'}/${encodeURIComponent(plan.id)}`;
}

/** The learner's plans and reviews, newest first: kind, goal or exercise, date. */
export function PlansList() {
  const documents = usePlansAndReviews();
  if (documents.length === 0) {
    return <p className="muted">No plans or reviews yet. Ask for a plan above, or for a review from an exercise’s submissions.</p>;
  }
  return (
    <ol className="plan-list">
      {documents.map((plan) => (
        <li key={plan.id} className="card plan-item">
          <p className="plan-item-kind">
            <span className="badge">{plan.kind === 'PLAN' ? 'Plan' : 'Review'}</span>{' '}
            <time className="muted small" dateTime={plan.createdAt}>
              {formatDate(plan.createdAt)}
            </time>
          </p>
          <p className="plan-item-title">
            <Link to={hrefOf(plan)}>{plan.kind === 'PLAN' ? plan.goal || 'Learning plan' : <ReviewSubject plan={plan} link={false} />}</Link>
          </p>
          <p className="muted small">{writtenBy(plan)}</p>
        </li>
      ))}
    </ol>
  );
}
