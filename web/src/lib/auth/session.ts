import { CLIENT_ID, discovery, postQuietly, tokenRequest, AuthError, type TokenResponse } from './oauth-server';

/**
 * The signed-in session of this browser.
 *
 * The access token lives only in memory. The refresh token (and the latest ID token, needed to
 * end the server's sign-in session) is kept in localStorage so that a reload or a second tab
 * stays signed in; docs/decisions/web-token-storage.md weighs this against XSS. Refresh
 * tokens rotate on every use and the server revokes the whole family when a replaced one comes
 * back, so two refreshes with the same token would sign everybody out: this class runs at most
 * one refresh at a time in a tab (callers share it), and across tabs under a Web Lock, reading
 * the newest stored token inside it.
 */

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export type SessionSnapshot = {
  status: SessionStatus;
  /** Why a session ended without the person signing out (expired, revoked...), as a sentence. */
  endedBecause?: string;
};

type Stored = { refreshToken: string; idToken: string | null };

export const SESSION_STORAGE_KEY = 'agentcoach.auth';
const LOCK_NAME = 'agentcoach.auth.refresh';
/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;
/** A token this close to expiry is not sent; it is refreshed first. */
const MIN_REMAINING_MS = 30_000;

function readStored(): Stored | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    const value = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    return value && typeof value.refreshToken === 'string'
      ? { refreshToken: value.refreshToken, idToken: typeof value.idToken === 'string' ? value.idToken : null }
      : null;
  } catch {
    return null;
  }
}

function writeStored(value: Stored | null): void {
  try {
    if (value) {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(value));
    } else {
      localStorage.removeItem(SESSION_STORAGE_KEY);
    }
  } catch {
    // storage disabled: the session lasts as long as the page
  }
}

/** Runs {@code task} while holding the cross-tab refresh lock, where the browser has Web Locks. */
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request(LOCK_NAME, task) as Promise<T>) : task();
}

type Tokens = { accessToken: string; expiresAt: number; idToken: string | null };

export class AuthSession {
  private tokens: Tokens | null = null;
  private snapshot: SessionSnapshot;
  private inFlight: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private watching = false;

  constructor() {
    this.snapshot = { status: readStored() ? 'restoring' : 'signed-out' };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.watchOtherTabs();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Resumes a session kept from an earlier visit; a no-op unless one is waiting to be restored. */
  restore(): void {
    if (this.snapshot.status === 'restoring' && !this.tokens && !this.inFlight) {
      this.refresh().catch(() => undefined);
    }
  }

  /** The token to send now: refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.tokens && this.tokens.expiresAt - Date.now() > MIN_REMAINING_MS) {
      return this.tokens.accessToken;
    }
    return this.tokens || readStored() ? this.refresh() : null;
  }

  /**
   * The API refused {@code rejected}: a new token, unless another caller already replaced it,
   * or null when the session cannot be renewed.
   */
  async afterRejection(rejected: string): Promise<string | null> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.tokens && this.tokens.accessToken !== rejected) {
      return this.tokens.accessToken;
    }
    return this.refresh();
  }

  /** Renews the access token with the refresh token; concurrent callers share one request. */
  refresh(): Promise<string | null> {
    this.inFlight ??= exclusively(() => this.refreshNow()).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshNow(): Promise<string | null> {
    // inside the lock, the newest refresh token: another tab may have rotated ours
    const stored = readStored();
    if (!stored) {
      this.end(this.tokens ? 'You signed out in another tab.' : undefined);
      return null;
    }
    try {
      const response = await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: stored.refreshToken,
        client_id: CLIENT_ID,
      });
      this.establish(response, stored);
      return response.access_token;
    } catch (error) {
      if (error instanceof AuthError && (error.code === 'invalid_grant' || error.code === 'invalid_client')) {
        this.end(error.message);
        return null;
      }
      if (this.snapshot.status === 'restoring') {
        // the server cannot be reached: keep the refresh token and try again when asked
        this.publish({ status: 'signed-out', endedBecause: error instanceof Error ? error.message : undefined });
      }
      throw error;
    }
  }

  /** Takes the tokens of a completed sign-in or refresh and schedules the next refresh. */
  establish(response: TokenResponse, previous?: Stored | null): void {
    const refreshToken = response.refresh_token ?? previous?.refreshToken;
    const idToken = response.id_token ?? previous?.idToken ?? this.tokens?.idToken ?? null;
    const lifetime = response.expires_in * 1000;
    this.tokens = { accessToken: response.access_token, expiresAt: Date.now() + lifetime, idToken };
    writeStored(refreshToken ? { refreshToken, idToken } : null);
    clearTimeout(this.timer);
    if (refreshToken) {
      this.timer = setTimeout(() => this.refresh().catch(() => undefined), Math.max(lifetime - REFRESH_AHEAD_MS, lifetime / 2));
    }
    this.publish({ status: 'signed-in' });
  }

  /**
   * Signs out here at once, then ends the server's sign-in session (OpenID RP-initiated logout,
   * so the next sign-in asks for the password again) and revokes the refresh token.
   */
  async signOut(): Promise<void> {
    const stored = readStored();
    const idToken = this.tokens?.idToken ?? stored?.idToken ?? null;
    this.end();
    const endpoints = await discovery().catch(() => null);
    if (!endpoints) {
      return;
    }
    if (idToken) {
      await postQuietly(endpoints.end_session_endpoint, { id_token_hint: idToken, client_id: CLIENT_ID });
    }
    if (stored) {
      await postQuietly(endpoints.revocation_endpoint, {
        token: stored.refreshToken,
        token_type_hint: 'refresh_token',
        client_id: CLIENT_ID,
      });
    }
  }

  /** Forgets the session in this tab (and, through storage, in the others). */
  end(because?: string): void {
    clearTimeout(this.timer);
    this.tokens = null;
    writeStored(null);
    this.publish({ status: 'signed-out', endedBecause: because });
  }

  private publish(snapshot: SessionSnapshot): void {
    if (snapshot.status !== this.snapshot.status || snapshot.endedBecause !== this.snapshot.endedBecause) {
      this.snapshot = snapshot;
      this.listeners.forEach((listener) => listener());
    }
  }

  /** Another tab signed out (the key vanished) or in (it appeared while this one was signed out). */
  private watchOtherTabs(): void {
    if (this.watching || typeof window === 'undefined') {
      return;
    }
    this.watching = true;
    window.addEventListener('storage', (event) => {
      if (event.key !== SESSION_STORAGE_KEY && event.key !== null) {
        return;
      }
      if (!readStored()) {
        if (this.snapshot.status !== 'signed-out') {
          clearTimeout(this.timer);
          this.tokens = null;
          this.publish({ status: 'signed-out', endedBecause: 'You signed out in another tab.' });
        }
      } else if (this.snapshot.status === 'signed-out') {
        this.publish({ status: 'restoring' });
        this.restore();
      }
    });
    window.addEventListener('online', () => {
      if (this.snapshot.status === 'signed-out' && readStored()) {
        this.publish({ status: 'restoring' });
        this.restore();
      }
    });
  }
}

/** The session of this page. */
export const authSession = new AuthSession();
