import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorMessage } from '../../../components/ui/error-message';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useApiKeys, useRevokeApiKey, type ApiKey } from '../api/api-keys';

function status(key: ApiKey): { label: string; tone: 'ok' | 'off' | 'bad' } {
  if (key.revokedAt) {
    return { label: 'Revoked', tone: 'off' };
  }
  if (key.expiresAt && new Date(key.expiresAt).getTime() < Date.now()) {
    return { label: 'Expired', tone: 'bad' };
  }
  return { label: 'Active', tone: 'ok' };
}

/** The caller's keys, newest first, each revocable after a confirmation. */
export function KeyList() {
  const { data: keys } = useApiKeys();
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState<string | null>(null);

  if (keys.length === 0) {
    return <p>You have no API keys yet.</p>;
  }
  return (
    <>
      {revoke.error && <ErrorMessage error={revoke.error} title="The key was not revoked" />}
      <p role="status" className="visually-hidden">
        {revoke.data ? `Key ${revoke.data.name} revoked.` : ''}
      </p>
      <DataTable label="Your API keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">May</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const state = status(key);
            return (
              <tr key={key.id} className={state.tone === 'ok' ? undefined : 'inactive'}>
                <th scope="row">{key.name}</th>
                <td className="mono">{key.prefix}…</td>
                <td>{key.scopes.join(', ')}</td>
                <td>{formatDate(key.createdAt)}</td>
                <td>{key.lastUsedAt ? `${formatDateTime(key.lastUsedAt)} (${key.usageCount}×)` : 'Never'}</td>
                <td>{key.expiresAt ? formatDate(key.expiresAt) : 'Never'}</td>
                <td>
                  <span className={`status-badge ${state.tone}`}>{state.label}</span>
                </td>
                <td>
                  {!key.revokedAt &&
                    (confirming === key.id ? (
                      <span className="row-actions">
                        <button type="button" className="danger" disabled={revoke.isPending}
                          onClick={() => revoke.mutate(key.id, { onSettled: () => setConfirming(null) })}>
                          Revoke “{key.name}” now
                        </button>
                        <button type="button" className="button secondary" onClick={() => setConfirming(null)}>
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="danger" onClick={() => setConfirming(key.id)}
                        aria-label={`Revoke ${key.name}`}>
                        Revoke
                      </button>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </>
  );
}
