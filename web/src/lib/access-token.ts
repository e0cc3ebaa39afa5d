/**
 * The signed-in learner's access token, kept for this browser tab. Sign-in (and sign-up) store it
 * here; API calls send it as a bearer token and WebSocket URLs carry it (browsers cannot set
 * headers on a WebSocket handshake).
 */
const STORAGE_KEY = 'agentcoach.accessToken';

export function accessToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setAccessToken(token: string | null): void {
  try {
    if (token) {
      sessionStorage.setItem(STORAGE_KEY, token);
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // storage disabled: the learner stays signed out
  }
}

/** The ws:// or wss:// URL of a WebSocket endpoint on the API's origin, signed in when a token is held. */
export function webSocketUrl(path: string, base: string): string {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = accessToken();
  if (token) {
    url.searchParams.set('access_token', token);
  }
  return url.toString();
}
