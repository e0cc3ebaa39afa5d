export type Health = { status: string };

/** Reads the server's readiness; any failure is reported as status DOWN. */
export async function getReadiness(signal?: AbortSignal): Promise<Health> {
  try {
    const response = await fetch('/actuator/health/readiness', { signal, headers: { Accept: 'application/json' } });
    const body = (await response.json()) as Partial<Health>;
    return { status: typeof body.status === 'string' ? body.status : 'DOWN' };
  } catch {
    return { status: 'DOWN' };
  }
}
