import { lazy, Suspense } from 'react';
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

/** The editor bound to the learner's draft of one exercise. */
export function DraftEditor({ exerciseId, starterCode }: { exerciseId: string; starterCode: string }) {
  const { code, setCode, status, savedAt, reset } = useDraft(exerciseId, starterCode);
  return (
    <div className="draft-editor">
      <Suspense fallback={<Loading label="Loading the editor" />}>
        <CodeEditor value={code} onChange={setCode} label="Solution code (Python)" />
      </Suspense>
      <div className="editor-bar">
        <p className="muted draft-status" role="status">
          {statusText(status, savedAt)}
        </p>
        <button type="button" className="button secondary" onClick={reset} disabled={status === 'starter'}>
          Reset to starter code
        </button>
      </div>
    </div>
  );
}
