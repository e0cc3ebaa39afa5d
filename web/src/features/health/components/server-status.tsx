import { useEffect, useState } from 'react';
import { getReadiness } from '../api/get-health';

export function ServerStatus() {
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    getReadiness(controller.signal).then((h) => setStatus(h.status));
    return () => controller.abort();
  }, []);

  const label = status === null ? 'checking…' : status === 'UP' ? 'ready' : 'not ready';
  return (
    <p className="status" aria-live="polite">
      Server: <strong>{label}</strong>
    </p>
  );
}
