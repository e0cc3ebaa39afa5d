import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { planQueryOptions, plansQueryKey } from '../api/plans';
import { useCrewRun } from '../utils/crew-run';
import { CrewProgress } from './crew-progress';
import { PlanText } from './plan-text';

/**
 * "Review this submission": the coach reviews the graded code and the mentor checks the review
 * gives hints rather than the solution; progress is followed live, then the stored review is shown
 * here and linked.
 */
export function ReviewSubmission({ submissionId, attemptNumber }: { submissionId: string; attemptNumber: number }) {
  const queryClient = useQueryClient();
  const { run, start, stop, retry, storedLater } = useCrewRun((review) => {
    queryClient.setQueryData(planQueryOptions('REVIEW', review.id).queryKey, review);
    void queryClient.invalidateQueries({ queryKey: plansQueryKey('REVIEW') });
  });
  // followed to the end, or stored after the learner stopped following
  const review = run.document ?? storedLater;
  return (
    <div className="review-submission">
      {run.status === 'idle' && (
        <button
          type="button"
          className="button secondary"
          aria-label={`Review this submission (number ${attemptNumber})`}
          onClick={() => void start({ kind: 'REVIEW', submissionId })}
        >
          Review this submission
        </button>
      )}
      <CrewProgress run={run} kind="REVIEW" onStop={stop} onRetry={retry} storedLater={storedLater} headingLevel={4} />
      {review && (
        <section className="review-result" aria-label={`Review of submission ${attemptNumber}`}>
          <PlanText text={review.content} />
          <p>
            <Link to={`/reviews/${encodeURIComponent(review.id)}`}>Open this review</Link> (kept with your plans)
          </p>
        </section>
      )}
    </div>
  );
}
