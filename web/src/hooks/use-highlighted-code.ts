import { useEffect, type RefObject } from 'react';
import { highlightCodeWithin } from '../lib/highlight';

/** Highlights the code blocks inside {@code ref} whenever {@code content} changes. */
export function useHighlightedCode(ref: RefObject<HTMLElement | null>, content: string) {
  useEffect(() => {
    if (ref.current) {
      highlightCodeWithin(ref.current).catch(() => {
        // highlighting is decoration: the code stays readable without it
      });
    }
  }, [ref, content]);
}
