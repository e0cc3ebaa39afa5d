import { terminalText } from '../utils/terminal-text';

/** Output of the learner's code, always as plain text: escapes removed (and said so), HTML shown as typed. */
export function TerminalOutput({ label, raw }: { label: string; raw: string | null | undefined }) {
  const { text, removedEscapes } = terminalText(raw);
  if (!text && removedEscapes === 0) {
    return null;
  }
  return (
    <div className="terminal-output">
      <p className="terminal-label">{label}</p>
      <pre tabIndex={0} aria-label={label}>
        {text}
      </pre>
      {removedEscapes > 0 && (
        <p className="muted small">
          {removedEscapes === 1
            ? '1 terminal control sequence was removed from this output.'
            : `${removedEscapes} terminal control sequences were removed from this output.`}
        </p>
      )}
    </div>
  );
}

/** A test's failure message as plain text. */
export function PlainMessage({ raw }: { raw: string | null | undefined }) {
  const { text, removedEscapes } = terminalText(raw);
  if (!text) {
    return null;
  }
  return (
    <pre className="test-message">
      {text}
      {removedEscapes > 0 ? `\n[${removedEscapes} terminal control sequence${removedEscapes === 1 ? '' : 's'} removed]` : ''}
    </pre>
  );
}
