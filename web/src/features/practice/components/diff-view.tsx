import { diffLines, diffStats } from '../utils/diff';

const MARK = { same: ' ', added: '+', removed: '−' } as const;

/** What changed between two versions of the learner's code, line by line, as plain text. */
export function DiffView({ before, after, label }: { before: string; after: string; label: string }) {
  const lines = diffLines(before, after);
  if (lines === null) {
    return <p className="muted">These versions are too long to compare here.</p>;
  }
  const { added, removed } = diffStats(lines);
  if (added === 0 && removed === 0) {
    return <p className="muted">No changes: the code is the same as before.</p>;
  }
  return (
    <div className="diff">
      <p className="muted small">
        {added} {added === 1 ? 'line' : 'lines'} added, {removed} removed.
      </p>
      <pre className="diff-lines" aria-label={label} tabIndex={0}>
        {lines.map((line, index) => (
          <span key={index} className={`diff-line ${line.kind}`}>
            <span className="diff-mark" aria-hidden="true">
              {MARK[line.kind]}
            </span>
            {line.kind !== 'same' && <span className="visually-hidden">{line.kind === 'added' ? 'added: ' : 'removed: '}</span>}
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
