import { z } from 'zod';
import { env } from '../../config/env';

/** The web app's registered public client at the server's authorization server. */
export const CLIENT_ID = 'agentcoach-web';

/**
 * What the app asks for: OpenID plus every API scope; the server grants only those the
 * person's roles allow (a learner never gets org:admin).
 */
export const SCOPES = [
  'openid',
  'profile',
  'content:read',
  'coach:chat',
  'practice:submit',
  'content:write',
  'analytics:read',
  'org:admin',
].join(' ');

/** Where the server sends the browser back with the authorization code. */
export function redirectUri(): string {
  return new URL('/auth/callback', globalThis.location.origin).toString();
}

/**
 * A failure of signing in or of keeping the session, worded for the person using the app.
 * {@code code} is the OAuth error code (invalid_grant, access_denied...) or a local one.
 */
export class AuthError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
  }
}

const DiscoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  token_endpoint: z.string(),
  revocation_endpoint: z.string().optional(),
  end_session_endpoint: z.string().optional(),
});

export type Discovery = z.infer<typeof DiscoverySchema>;

let discovered: Promise<Discovery> | null = null;

function serverUrl(path: string): string {
  return new URL(path, env.API_URL || globalThis.location.origin).toString();
}

const UNREACHABLE = 'Cannot reach the sign-in service. Check your connection and try again.';

/** The authorization server's OpenID configuration, read once per page load. */
export function discovery(): Promise<Discovery> {
  discovered ??= fetch(serverUrl('/.well-known/openid-configuration'), { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      const parsed = response.ok ? DiscoverySchema.safeParse(await response.json()) : undefined;
      if (!parsed?.success) {
        throw new AuthError('discovery_failed', 'The sign-in service did not describe itself as expected; try again later.');
      }
      return parsed.data;
    })
    .catch((error: unknown) => {
      discovered = null;
      throw error instanceof AuthError ? error : new AuthError('network', UNREACHABLE);
    });
  return discovered;
}

/** Forgets the cached configuration (tests start each case afresh). */
export function forgetDiscovery(): void {
  discovered = null;
}

export const TokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
  scope: z.string().optional(),
});

export type TokenResponse = z.infer<typeof TokenResponseSchema>;

const OAuthErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** Sentences for the OAuth error codes a person can run into (RFC 6749 §5.2, §4.1.2.1). */
export function oauthErrorSentence(code: string, description?: string): string {
  switch (code) {
    case 'invalid_grant':
      return 'Your sign-in has expired or was ended elsewhere. Sign in again.';
    case 'access_denied':
      return 'Sign-in was cancelled or refused.';
    case 'login_required':
    case 'interaction_required':
      return 'You need to sign in again.';
    case 'temporarily_unavailable':
    case 'server_error':
      return 'The sign-in service has a problem right now; try again in a moment.';
    default:
      return description ? `Sign-in failed: ${description.replace(/\.?$/, '.')}` : 'Sign-in failed; start again.';
  }
}

/** Posts a form to the token endpoint; OAuth errors become {@link AuthError}s. */
export async function tokenRequest(params: Record<string, string>): Promise<TokenResponse> {
  const { token_endpoint } = await discovery();
  let response: Response;
  try {
    response = await fetch(token_endpoint, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(params),
      credentials: 'same-origin',
    });
  } catch {
    throw new AuthError('network', UNREACHABLE);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = OAuthErrorSchema.safeParse(body);
    const code = error.success ? error.data.error : 'server_error';
    throw new AuthError(code, oauthErrorSentence(code, error.success ? error.data.error_description : undefined));
  }
  const parsed = TokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new AuthError('server_error', 'The sign-in service sent an answer this page does not understand.');
  }
  return parsed.data;
}

/** Posts a form to an endpoint whose answer does not matter (revocation, logout); never throws. */
export async function postQuietly(url: string | undefined, params: Record<string, string>): Promise<void> {
  if (!url) {
    return;
  }
  try {
    await fetch(url, { method: 'POST', body: new URLSearchParams(params), credentials: 'same-origin', redirect: 'manual' });
  } catch {
    // offline: the refresh token still expires on its own and the server session times out
  }
}
