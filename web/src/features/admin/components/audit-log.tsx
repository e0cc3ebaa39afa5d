import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { AUDIT_PAGE, useAuditLog, useChainVerification } from '../api/audit-log';
import { useMembers } from '../api/members';

function NotChecked() {
  return (
    <p className="chain-status" role="status">
      <span className="status-badge off">Not checked</span> Each event is chained to the one before it by a hash; checking
      the whole chain is up to a platform admin of this server.
    </p>
  );
}

function CheckedChain({ organizationId }: { organizationId: string }) {
  const { data: status } = useChainVerification(organizationId);
  if (status.kind === 'unavailable') {
    return <NotChecked />;
  }
  return status.intact ? (
    <p className="chain-status" role="status">
      <span className="status-badge ok">Chain intact</span> All {formatNumber(status.checked)} events of the log were checked;
      none was changed or removed.
    </p>
  ) : (
    <p className="chain-status" role="alert">
      <span className="status-badge bad">Chain broken</span> Event #{status.firstBrokenSeq} does not match the events before
      it: the log was changed after it was written. {formatNumber(status.checked)} events were checked.
    </p>
  );
}

/**
 * Whether the tamper-evident hash chain of the audit log is intact. Only platform admins may
 * check it; for everybody else the page says so without asking the server.
 */
export function ChainStatus({ organizationId, canVerify }: { organizationId: string; canVerify: boolean }) {
  return canVerify ? <CheckedChain organizationId={organizationId} /> : <NotChecked />;
}

/** The organization's latest audit events, newest first, with who did what. */
export function AuditLog({ organizationId }: { organizationId: string }) {
  const [limit, setLimit] = useState(AUDIT_PAGE);
  const { data: events } = useAuditLog(organizationId, limit);
  const { data: members } = useMembers(organizationId);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const who = (id: string | null) => (id ? (names.get(id) ?? `${id.slice(0, 8)}…`) : 'System');

  if (events.length === 0) {
    return <p>Nothing has been recorded for this organization yet.</p>;
  }
  return (
    <>
      <DataTable label="Audit events">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">On</th>
            <th scope="col">Details</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.occurredAt)}</td>
              <td>{who(event.actorId)}</td>
              <th scope="row" className="mono">
                {event.action}
              </th>
              <td className="mono">{event.target ? (names.get(event.target) ?? event.target) : '—'}</td>
              <td>{event.details ?? '—'}</td>
              <td className="mono">{event.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {events.length >= limit && limit < 1000 && (
        <button type="button" className="button secondary" onClick={() => setLimit((n) => Math.min(1000, n + AUDIT_PAGE))}>
          Show older events
        </button>
      )}
    </>
  );
}
