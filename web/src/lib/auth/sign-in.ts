import { jwtClaims } from './jwt';
import { AuthError, CLIENT_ID, discovery, redirectUri, SCOPES, tokenRequest } from './oauth-server';
import { codeChallengeS256, createCodeVerifier, randomToken } from './pkce';
import { authSession } from './session';

/**
 * The authorization code flow with PKCE (RFC 7636, S256) against the server's authorization
 * server: {@link beginSignIn} sends the browser there, {@link completeSignIn} checks what comes
 * back to /auth/callback (state, then the ID token's nonce, audience and issuer) and exchanges
 * the code for tokens.
 */

const PENDING_KEY = 'agentcoach.auth.pending';
/** How long a started sign-in may take before its callback is refused. */
const PENDING_LIFETIME_MS = 30 * 60 * 1000;
/** Clock difference tolerated between this browser and the server. */
const CLOCK_SKEW_S = 300;

type Pending = { state: string; nonce: string; verifier: string; returnTo: string; startedAt: number };

/** Only a path of this app: an open redirect through ?returnTo= is not possible. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.startsWith('/auth/callback')) {
    return '/';
  }
  return value;
}

/** Where to send the browser to sign in; the verifier, state and nonce stay in this tab. */
export async function authorizationUrl(returnTo: string): Promise<string> {
  const config = await discovery();
  const pending: Pending = {
    state: randomToken(),
    nonce: randomToken(),
    verifier: createCodeVerifier(),
    returnTo: safeReturnTo(returnTo),
    startedAt: Date.now(),
  };
  const url = new URL(config.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPES,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallengeS256(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url.toString();
}

/** Starts signing in: the browser leaves for the authorization server and comes back to {@code returnTo}. */
export async function beginSignIn(returnTo = '/'): Promise<void> {
  window.location.assign(await authorizationUrl(returnTo));
}

function takePending(): Pending | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    const value = raw ? (JSON.parse(raw) as Pending) : null;
    return value && typeof value.state === 'string' && Date.now() - value.startedAt < PENDING_LIFETIME_MS ? value : null;
  } catch {
    return null;
  }
}

function checkIdToken(idToken: string | undefined, nonce: string, issuer: string): void {
  let claims: Record<string, unknown>;
  try {
    claims = jwtClaims(idToken ?? '');
  } catch {
    throw new AuthError('invalid_id_token', 'The sign-in service did not confirm who signed in; start again.');
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const now = Date.now() / 1000;
  if (claims.nonce !== nonce) {
    throw new AuthError('invalid_nonce', 'This sign-in answer was not meant for this page; start again.');
  }
  if (!audience.includes(CLIENT_ID) || claims.iss !== issuer || typeof claims.exp !== 'number' || claims.exp < now - CLOCK_SKEW_S) {
    throw new AuthError('invalid_id_token', 'The sign-in service confirmed a sign-in for another site or too long ago; start again.');
  }
}

const completions = new Map<string, Promise<string>>();

async function exchange(params: URLSearchParams): Promise<string> {
  const pending = takePending();
  const error = params.get('error');
  if (error) {
    throw new AuthError(error, error === 'access_denied' ? 'Sign-in was cancelled or refused.' : `Sign-in failed: ${params.get('error_description') ?? error}.`);
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new AuthError('invalid_state', 'This sign-in was not started from this tab, or took too long. Start again.');
  }
  const code = params.get('code');
  if (!code) {
    throw new AuthError('invalid_request', 'The sign-in service sent no authorization code; start again.');
  }
  const config = await discovery();
  const response = await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    client_id: CLIENT_ID,
    code_verifier: pending.verifier,
  });
  checkIdToken(response.id_token, pending.nonce, config.issuer);
  authSession.establish(response);
  return pending.returnTo;
}

/**
 * Finishes a sign-in from the callback's query string and returns where to go next. The same
 * answer handled twice (a re-rendered callback page) is exchanged once.
 */
export function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const key = params.get('code') ?? params.get('error') ?? '';
  let completion = completions.get(key);
  if (!completion) {
    completion = exchange(params);
    completions.set(key, completion);
  }
  return completion;
}

/**
 * Ends this session (here and at the server) and signs in afresh: how a session comes to count
 * as verified by the second factor after two-factor authentication was switched on.
 */
export async function signInAgain(returnTo: string): Promise<void> {
  await authSession.signOut();
  await beginSignIn(returnTo);
}
