import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { useSession } from '../../../lib/auth/use-session';
import { useQueryClient } from '@tanstack/react-query';
import { historyQueryKey, isFinished, useRunPublicTests, useSubmit, type Submission, type TestResult, type Verdict } from '../api/practice';
import { watchSubmission, type SubmissionProgress } from '../api/submission-updates';
import { keepSubmittedCode } from '../utils/submitted-code';
import { SubmissionHistory } from './submission-history';
import { TestList, testSummary, VerdictView } from './verdict-view';

type Props = {
  exerciseId: string;
  code: string;
  /** Called with each finished verdict (public run or graded submission), e.g. to tell the coach. */
  onVerdict?: (verdict: Verdict) => void;
  /** What can be done with a graded submission in the history (e.g. ask for a review). */
  gradedAction?: (submission: Submission) => ReactNode;
};

const STATUS_WORDS: Record<string, string> = {
  queued: 'Waiting for a grader…',
  grading: 'Grading…',
  running: 'Running the tests…',
};

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Run the public tests or submit for grading; results stream in test by test. Signed-in learners only. */
export function PracticePanel(props: Props) {
  const { status } = useSession();
  if (status === 'restoring') {
    return <p className="notice practice">Signing you in…</p>;
  }
  if (status !== 'signed-in') {
    return (
      <p className="notice practice">
        <Link to="/login">Sign in</Link> to run the tests and submit your solution; your draft stays in this browser meanwhile.
      </p>
    );
  }
  return <SignedInPracticePanel {...props} />;
}

function SignedInPracticePanel({ exerciseId, code, onVerdict, gradedAction }: Props) {
  const queryClient = useQueryClient();
  const run = useRunPublicTests(exerciseId);
  const submission = useSubmit(exerciseId);
  const [progress, setProgress] = useState<SubmissionProgress | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(new Set<string>());
  const stopWatching = useRef<(() => void) | null>(null);
  const onVerdictRef = useRef(onVerdict);
  onVerdictRef.current = onVerdict;
  // a click's key is kept until it succeeds, so a retry after a network failure cannot submit twice
  const pendingKey = useRef<{ key: string; code: string } | null>(null);

  useEffect(() => () => stopWatching.current?.(), []);

  function announceTests(tests: TestResult[]) {
    for (const test of tests) {
      if (!announced.current.has(test.name)) {
        announced.current.add(test.name);
        setAnnouncement(`${test.name} ${test.passed ? 'passed' : 'failed'}.`);
      }
    }
  }

  function onRun() {
    submission.reset();
    run.mutate(code, {
      onSuccess: (verdict) => {
        setAnnouncement(`Public tests: ${testSummary(verdict.tests)}.${verdict.limit ? ` Stopped by a limit: ${verdict.limit}.` : ''}`);
        onVerdictRef.current?.(verdict);
      },
    });
  }

  function onSubmit() {
    run.reset();
    stopWatching.current?.();
    setProgress(null);
    announced.current = new Set();
    if (!pendingKey.current || pendingKey.current.code !== code) {
      pendingKey.current = { key: newKey(), code };
    }
    const submittedCode = code;
    setAnnouncement('Submitted. Waiting for the grader.');
    submission.mutate(
      { code: submittedCode, key: pendingKey.current.key },
      {
        onSuccess: (created) => {
          pendingKey.current = null;
          keepSubmittedCode(created.id, submittedCode);
          stopWatching.current = watchSubmission(created, (next) => {
            setProgress(next);
            announceTests(next.tests);
            if (next.submission?.verdict && isFinished(next.status)) {
              const verdict = next.submission.verdict;
              setAnnouncement(
                `Submission graded: ${verdict.passed ? 'solved' : 'not yet solved'}. ${testSummary(verdict.tests)}.${
                  verdict.limit ? ` Stopped by a limit: ${verdict.limit}.` : ''
                }`,
              );
              onVerdictRef.current?.(verdict);
            }
            if (next.submission) {
              // the history shows the graded submission; mastery and the path move with it
              void queryClient.invalidateQueries({ queryKey: historyQueryKey(exerciseId) });
              void queryClient.invalidateQueries({ queryKey: ['mastery'] });
            }
          });
        },
      },
    );
  }

  const grading = progress !== null && !progress.submission;
  const busy = run.isPending || submission.isPending || grading;

  return (
    <div className="practice">
      <div className="practice-actions">
        <button type="button" className="button secondary" onClick={onRun} disabled={busy}>
          {run.isPending ? 'Running…' : 'Run public tests'}
        </button>
        <button type="button" onClick={onSubmit} disabled={busy}>
          {submission.isPending ? 'Submitting…' : 'Submit'}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <div className="practice-results">
        {run.error && <ErrorMessage error={run.error} title="The public tests could not be run" />}
        {submission.error && <ErrorMessage error={submission.error} title="Your solution could not be submitted" />}
        {run.data && <VerdictView verdict={run.data} title="Public tests" />}
        {progress && !progress.submission?.verdict && (
          <div className="verdict pending">
            <p className="verdict-line">
              <span className="spinner" aria-hidden="true" /> {STATUS_WORDS[progress.status] ?? `Status: ${progress.status}`}
              {progress.tests.length > 0 && ` ${testSummary(progress.tests)} so far.`}
            </p>
            <TestList tests={progress.tests} />
            {progress.problem && <p className="muted small">{progress.problem} Still trying…</p>}
          </div>
        )}
        {progress?.submission?.verdict && (
          <VerdictView verdict={progress.submission.verdict} title={`Submission ${progress.submission.attemptNumber}`} />
        )}
        {progress?.submission && !progress.submission.verdict && (
          <p className="error-message" role="alert">
            The grader could not grade this submission. Submit again in a moment.
          </p>
        )}
      </div>
      <SubmissionHistory exerciseId={exerciseId} gradedAction={gradedAction} />
    </div>
  );
}
