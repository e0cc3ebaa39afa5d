import { apiBase } from './api-client';
import { authSession } from './auth/session';

/**
 * The ws:// or wss:// URL of a WebSocket endpoint on the API's origin, signed in with the
 * session's access token as the `access_token` query parameter when signed in (browsers cannot
 * set headers on a WebSocket handshake; the server accepts the parameter on handshakes only).
 * Asynchronous because the token is renewed first when it is about to expire.
 */
export async function webSocketUrl(path: string, base: string = apiBase()): Promise<string> {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = await authSession.accessToken();
  if (token) {
    url.searchParams.set('access_token', token);
  }
  return url.toString();
}
