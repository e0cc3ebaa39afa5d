import { lazy, Suspense, useEffect, useState } from 'react';
import type { CodeSelection } from './code-editor';
import { Loading } from '../../../components/ui/loading';
import { useDraft, type DraftStatus } from '../hooks/use-draft';

const CodeEditor = lazy(() => import('./code-editor'));

function statusText(status: DraftStatus, savedAt: Date | null): string {
  switch (status) {
    case 'starter':
      return 'Starter code. Your changes are saved in this browser as you type.';
    case 'unsaved':
      return 'Saving…';
    case 'saved':
      return `Draft saved${savedAt ? ` at ${savedAt.toLocaleTimeString()}` : ''}.`;
    case 'unavailable':
      return 'This browser does not allow saving drafts; copy your code before leaving.';
  }
}

/** What the learner asks the coach about: some lines of their code, and the code around them. */
export type CodeQuestion = CodeSelection & { code: string };

type Props = {
  exerciseId: string;
  starterCode: string;
  /** Told the current code on every change (and at first). */
  onCodeChange?: (code: string) => void;
  onAskAboutCode?: (question: CodeQuestion) => void;
};

function linesLabel(selection: CodeSelection): string {
  return selection.fromLine === selection.toLine ? `line ${selection.fromLine}` : `lines ${selection.fromLine}–${selection.toLine}`;
}

/** The editor bound to the learner's draft of one exercise. */
export function DraftEditor({ exerciseId, starterCode, onCodeChange, onAskAboutCode }: Props) {
  const { code, setCode, status, savedAt, reset } = useDraft(exerciseId, starterCode);
  const [selection, setSelection] = useState<CodeSelection>({ text: code.split('\n')[0] ?? '', fromLine: 1, toLine: 1 });

  useEffect(() => {
    onCodeChange?.(code);
  }, [code, onCodeChange]);

  return (
    <div className="draft-editor">
      <Suspense fallback={<Loading label="Loading the editor" />}>
        <CodeEditor value={code} onChange={setCode} label="Solution code (Python)" onSelectionChange={setSelection} />
      </Suspense>
      <div className="editor-bar">
        <p className="muted draft-status" role="status">
          {statusText(status, savedAt)}
        </p>
        <span className="editor-actions">
          {onAskAboutCode && (
            <button type="button" className="button secondary" onClick={() => onAskAboutCode({ ...selection, code })}>
              {`Ask the coach about ${selection.fromLine === selection.toLine ? 'this line' : 'these lines'}`}
              <span className="visually-hidden"> ({linesLabel(selection)})</span>
            </button>
          )}
          <button type="button" className="button secondary" onClick={reset} disabled={status === 'starter'}>
            Reset to starter code
          </button>
        </span>
      </div>
    </div>
  );
}
