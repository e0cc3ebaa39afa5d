import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { useHint } from '../api/get-hint';

function RevealedHint({ exerciseId, number }: { exerciseId: string; number: number }) {
  const hint = useHint(exerciseId, number);
  if (hint.isPending) {
    return <p className="muted" role="status">Loading hint {number}…</p>;
  }
  if (hint.isError) {
    return <ErrorMessage error={hint.error} title={`Hint ${number} could not be loaded`} onRetry={() => hint.refetch()} />;
  }
  return <p>{hint.data.hint}</p>;
}

/** Hints, revealed one at a time from the server so the learner decides how much help to take. */
export function HintList({ exerciseId, hintCount }: { exerciseId: string; hintCount: number }) {
  const [revealed, setRevealed] = useState(0);
  const latest = useHint(exerciseId, Math.max(revealed, 1), revealed > 0);
  const latestReady = revealed === 0 || latest.isSuccess;

  if (hintCount === 0) {
    return <p className="muted">This exercise has no hints.</p>;
  }
  return (
    <div className="hints">
      {revealed > 0 && (
        <ol className="hint-list" aria-live="polite">
          {Array.from({ length: revealed }, (_, i) => (
            <li key={i + 1}>
              <span className="hint-label">Hint {i + 1}</span>
              <RevealedHint exerciseId={exerciseId} number={i + 1} />
            </li>
          ))}
        </ol>
      )}
      {revealed < hintCount ? (
        <button type="button" className="button secondary" disabled={!latestReady} onClick={() => setRevealed((n) => n + 1)}>
          {`Show hint ${revealed + 1} of ${hintCount}`}
        </button>
      ) : (
        <p className="muted">All {hintCount} hints are shown.</p>
      )}
    </div>
  );
}
