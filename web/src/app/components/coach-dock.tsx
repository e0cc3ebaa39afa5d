import type { ReactNode } from 'react';

/**
 * The coach beside a lesson or the editor: closed until the learner opens it (or asks about a
 * section or a line), so reading stays uncluttered and signed-out readers are not asked to sign in.
 */
export function CoachDock({ open, onToggle, children }: { open: boolean; onToggle: (open: boolean) => void; children: ReactNode }) {
  return (
    <aside className={`coach-dock ${open ? 'open' : ''}`} aria-label="Coach">
      <button type="button" className="button secondary coach-toggle" aria-expanded={open} onClick={() => onToggle(!open)}>
        {open ? 'Close the coach' : 'Ask the coach'}
      </button>
      {open && children}
    </aside>
  );
}
