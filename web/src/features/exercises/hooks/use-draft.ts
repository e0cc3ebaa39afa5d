import { useCallback, useEffect, useRef, useState } from 'react';

export type DraftStatus = 'starter' | 'unsaved' | 'saved' | 'unavailable';

type StoredDraft = { code: string; savedAt: string };

const SAVE_DELAY_MS = 400;

export function draftKey(exerciseId: string): string {
  return `agentcoach.draft.${exerciseId}`;
}

function readDraft(exerciseId: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(exerciseId));
    if (!raw) {
      return null;
    }
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    return typeof value.code === 'string' && typeof value.savedAt === 'string' ? { code: value.code, savedAt: value.savedAt } : null;
  } catch {
    return null;
  }
}

/**
 * The learner's code for an exercise, kept in this browser: every change is saved shortly after
 * typing stops, and the draft comes back when the page is opened again.
 */
export function useDraft(exerciseId: string, starterCode: string) {
  const [initial] = useState(() => readDraft(exerciseId));
  const [code, setCodeState] = useState(initial?.code ?? starterCode);
  const [status, setStatus] = useState<DraftStatus>(initial ? 'saved' : 'starter');
  const [savedAt, setSavedAt] = useState<Date | null>(initial ? new Date(initial.savedAt) : null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const value = pending.current;
    if (value === null) {
      return;
    }
    pending.current = null;
    const now = new Date();
    try {
      localStorage.setItem(draftKey(exerciseId), JSON.stringify({ code: value, savedAt: now.toISOString() }));
      setSavedAt(now);
      setStatus('saved');
    } catch {
      setStatus('unavailable');
    }
  }, [exerciseId]);

  const setCode = useCallback(
    (value: string) => {
      setCodeState(value);
      pending.current = value;
      setStatus('unsaved');
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Drops the draft and goes back to the exercise's starter code. */
  const reset = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = null;
    try {
      localStorage.removeItem(draftKey(exerciseId));
    } catch {
      // nothing stored, nothing to remove
    }
    setCodeState(starterCode);
    setSavedAt(null);
    setStatus('starter');
  }, [exerciseId, starterCode]);

  // leaving the page (or closing the tab) saves what was typed in the last moments
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { code, setCode, status, savedAt, reset };
}
