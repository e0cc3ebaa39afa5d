import { http, HttpResponse } from 'msw';
import { codeChallengeS256 } from '../../lib/auth/pkce';
import { problem } from './handlers';

/**
 * The server's authorization server as the web app sees it, faithful to its contract: OpenID
 * discovery, authorization codes bound to a PKCE S256 challenge, a redirect URI and a nonce;
 * access tokens that expire; refresh tokens that rotate on every use, where presenting a
 * replaced one revokes the whole family (as RotatingRefreshTokens does); revocation; and
 * RP-initiated logout. /api/me answers for valid access tokens only.
 */

export const ORIGIN = 'http://localhost:3000';
export const ISSUER = ORIGIN;

export type FakeUser = {
  userId: string;
  email: string;
  displayName: string;
  organizationId: string;
  roles: string[];
  scopes: string[];
  mfa?: { enabled: boolean; required: boolean; verified: boolean };
};

export function learner(overrides: Partial<FakeUser> = {}): FakeUser {
  return {
    userId: 'u-learner',
    email: 'lea@example.com',
    displayName: 'Lea Learner',
    organizationId: 'org-1',
    roles: ['learner'],
    scopes: ['coach:chat', 'content:read', 'practice:submit', 'profile'],
    ...overrides,
  };
}

export function orgAdmin(overrides: Partial<FakeUser> = {}): FakeUser {
  return learner({
    userId: 'u-admin',
    email: 'ada@example.com',
    displayName: 'Ada Admin',
    roles: ['org_admin'],
    scopes: ['analytics:read', 'coach:chat', 'content:read', 'content:write', 'org:admin', 'practice:submit', 'profile'],
    mfa: { enabled: true, required: true, verified: true },
    ...overrides,
  });
}

function base64UrlJson(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Code = { user: FakeUser; challenge: string; redirectUri: string; nonce: string | null; used: boolean };
type Family = { user: FakeUser; current: string; revoked: boolean; nonce: string | null };

export class FakeAuthServer {
  accessTokenSeconds = 900;
  /** Requests the token endpoint received, by grant type. */
  readonly tokenRequests: { grant_type: string; refresh_token?: string }[] = [];
  readonly revoked: string[] = [];
  readonly loggedOut: string[] = [];
  private counter = 0;
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, { user: FakeUser; expiresAt: number }>();
  private readonly families: Family[] = [];
  private readonly replaced = new Map<string, Family>();

  reset(): void {
    this.accessTokenSeconds = 900;
    this.tokenRequests.length = 0;
    this.revoked.length = 0;
    this.loggedOut.length = 0;
    this.codes.clear();
    this.accessTokens.clear();
    this.families.length = 0;
    this.replaced.clear();
  }

  private next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  /**
   * What the authorization endpoint does once {@code user} has signed in: the query string it
   * sends the browser back to the redirect URI with.
   */
  authorize(authorizationUrl: string, user: FakeUser): string {
    const url = new URL(authorizationUrl);
    const params = url.searchParams;
    if (params.get('client_id') !== 'agentcoach-web' || params.get('code_challenge_method') !== 'S256') {
      throw new Error(`unexpected authorization request ${authorizationUrl}`);
    }
    const code = this.next('code');
    this.codes.set(code, {
      user,
      challenge: params.get('code_challenge') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      nonce: params.get('nonce'),
      used: false,
    });
    return `?code=${code}&state=${encodeURIComponent(params.get('state') ?? '')}`;
  }

  /** Tokens as if {@code user} had just signed in (for tests that start signed in). */
  tokensFor(user: FakeUser) {
    const family: Family = { user, current: '', revoked: false, nonce: null };
    this.families.push(family);
    return this.issue(family);
  }

  /** Expires every access token now, as if their lifetime had passed. */
  expireAccessTokens(): void {
    this.accessTokens.forEach((token) => {
      token.expiresAt = 0;
    });
  }

  userOf(request: Request): FakeUser | null {
    const header = request.headers.get('Authorization') ?? '';
    const token = this.accessTokens.get(header.replace(/^Bearer /, ''));
    return token && token.expiresAt > Date.now() ? token.user : null;
  }

  private issue(family: Family) {
    const accessToken = this.next('access');
    const refreshToken = this.next('refresh');
    family.current = refreshToken;
    this.accessTokens.set(accessToken, { user: family.user, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    const now = Math.floor(Date.now() / 1000);
    const idToken = [
      base64UrlJson({ alg: 'RS256', kid: 'test' }),
      base64UrlJson({
        iss: ISSUER,
        sub: family.user.userId,
        aud: ['agentcoach-web'],
        exp: now + 1800,
        iat: now,
        ...(family.nonce ? { nonce: family.nonce } : {}),
      }),
      'signature',
    ].join('.');
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.accessTokenSeconds,
      refresh_token: refreshToken,
      id_token: idToken,
      scope: 'openid',
    };
  }

  private static error(error: string, status = 400) {
    return HttpResponse.json({ error }, { status });
  }

  private async token(form: URLSearchParams) {
    const grant = form.get('grant_type') ?? '';
    this.tokenRequests.push({ grant_type: grant, refresh_token: form.get('refresh_token') ?? undefined });
    if (form.get('client_id') !== 'agentcoach-web') {
      return FakeAuthServer.error('invalid_client', 401);
    }
    if (grant === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      if (!code || code.used || code.redirectUri !== form.get('redirect_uri')) {
        return FakeAuthServer.error('invalid_grant');
      }
      code.used = true;
      if (verifier.length < 43 || (await codeChallengeS256(verifier)) !== code.challenge) {
        return FakeAuthServer.error('invalid_grant');
      }
      const family: Family = { user: code.user, current: '', revoked: false, nonce: code.nonce };
      this.families.push(family);
      return HttpResponse.json(this.issue(family));
    }
    if (grant === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const reused = this.replaced.get(presented);
      if (reused) {
        reused.revoked = true;
        return FakeAuthServer.error('invalid_grant');
      }
      const family = this.families.find((f) => f.current === presented && !f.revoked);
      if (!family) {
        return FakeAuthServer.error('invalid_grant');
      }
      this.replaced.set(presented, family);
      return HttpResponse.json({ ...this.issue(family), id_token: undefined });
    }
    return FakeAuthServer.error('unsupported_grant_type');
  }

  readonly handlers = [
    http.get('*/.well-known/openid-configuration', () =>
      HttpResponse.json({
        issuer: ISSUER,
        authorization_endpoint: `${ORIGIN}/oauth2/authorize`,
        token_endpoint: `${ORIGIN}/oauth2/token`,
        revocation_endpoint: `${ORIGIN}/oauth2/revoke`,
        end_session_endpoint: `${ORIGIN}/connect/logout`,
      }),
    ),
    http.post('*/oauth2/token', async ({ request }) => this.token(new URLSearchParams(await request.text()))),
    http.post('*/oauth2/revoke', async ({ request }) => {
      const token = new URLSearchParams(await request.text()).get('token') ?? '';
      this.revoked.push(token);
      this.families.filter((f) => f.current === token).forEach((f) => (f.revoked = true));
      return new HttpResponse(null, { status: 200 });
    }),
    http.post('*/connect/logout', async ({ request }) => {
      this.loggedOut.push(new URLSearchParams(await request.text()).get('id_token_hint') ?? '');
      return new HttpResponse(null, { status: 302, headers: { Location: '/' } });
    }),
    http.get('*/api/me', ({ request }) => {
      const user = this.userOf(request);
      return user
        ? HttpResponse.json(user)
        : problem(401, 'unauthorized', 'Authentication required', 'Sign in or send a valid bearer token or API key.');
    }),
  ];
}

export const authServer = new FakeAuthServer();
