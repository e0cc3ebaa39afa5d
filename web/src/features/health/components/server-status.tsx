import { useReadiness } from '../api/get-health';

export function ServerStatus() {
  const readiness = useReadiness();
  const label = readiness.isPending ? 'checking…' : readiness.data?.status === 'UP' ? 'ready' : 'not ready';
  return (
    <p className="status" aria-live="polite">
      Server: <strong>{label}</strong>
    </p>
  );
}
