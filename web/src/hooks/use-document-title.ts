import { useEffect } from 'react';

/** Names the browser tab (and what a screen reader announces on navigation) after the screen. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · AgentCoach`;
  }, [title]);
}
