import type { ReactNode } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { useHistory, type Submission } from '../api/practice';
import { submittedCode } from '../utils/submitted-code';
import { DiffView } from './diff-view';

function codeOf(submission: Submission): string | null {
  return submission.code ?? submittedCode(submission.id);
}

function outcome(submission: Submission): string {
  const verdict = submission.verdict;
  if (!verdict) {
    return submission.status === 'graded' ? 'not graded' : 'being graded';
  }
  const passed = verdict.tests.filter((t) => t.passed).length;
  const limit = verdict.limit ? ` (stopped: ${verdict.limit})` : '';
  return `${verdict.passed ? 'solved' : 'not yet'} · ${passed}/${verdict.tests.length} tests${limit}`;
}

type Props = {
  exerciseId: string;
  /** What can be done with a graded submission (e.g. ask for a review), shown under it. */
  gradedAction?: (submission: Submission) => ReactNode;
};

/** The learner's submissions of this exercise, newest first, each with what changed since the one before. */
export function SubmissionHistory({ exerciseId, gradedAction }: Props) {
  const history = useHistory(exerciseId);
  if (history.isPending) {
    return null;
  }
  if (history.isError) {
    return <ErrorMessage error={history.error} title="Your submissions could not be loaded" onRetry={() => history.refetch()} />;
  }
  const submissions = [...history.data].sort((a, b) => b.attemptNumber - a.attemptNumber);
  if (submissions.length === 0) {
    return null;
  }
  return (
    <section className="history" aria-labelledby="history-title">
      <h3 id="history-title">Your submissions</h3>
      <ol className="history-list" reversed>
        {submissions.map((submission, index) => {
          const previous = submissions[index + 1];
          const after = codeOf(submission);
          const before = previous ? codeOf(previous) : null;
          return (
            <li key={submission.id} className={submission.verdict?.passed ? 'passed' : 'failed'}>
              <p className="history-line">
                <strong>Submission {submission.attemptNumber}</strong> <span>{outcome(submission)}</span>{' '}
                <time className="muted small" dateTime={submission.submittedAt}>
                  {new Date(submission.submittedAt).toLocaleString()}
                </time>
              </p>
              {gradedAction && submission.status === 'graded' && submission.verdict && gradedAction(submission)}
              {previous && (
                <details>
                  <summary>Changes since submission {previous.attemptNumber}</summary>
                  {after !== null && before !== null ? (
                    <DiffView
                      before={before}
                      after={after}
                      label={`Changes from submission ${previous.attemptNumber} to ${submission.attemptNumber}`}
                    />
                  ) : (
                    <p className="muted">The code of these submissions was not kept in this browser, so they cannot be compared here.</p>
                  )}
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
