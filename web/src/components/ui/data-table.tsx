import type { ReactNode } from 'react';
import './data-table.css';

/**
 * A table that scrolls sideways inside its own focusable region when the screen is narrower
 * than it, so a phone (or a keyboard) can reach every column.
 */
export function DataTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table">{children}</table>
    </div>
  );
}
