import { useEffect, useSyncExternalStore } from 'react';
import { authSession, type SessionSnapshot } from './session';

/** The session's state, re-rendering on change; resumes a stored session on first use. */
export function useSession(): SessionSnapshot {
  const snapshot = useSyncExternalStore(authSession.subscribe, authSession.getSnapshot);
  useEffect(() => {
    authSession.restore();
  }, []);
  return snapshot;
}
