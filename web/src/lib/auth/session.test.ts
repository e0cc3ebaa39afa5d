import { http, HttpResponse } from 'msw';
import { authServer, learner } from '../../testing/mocks/auth-server';
import { server } from '../../testing/mocks/server';
import { AuthSession, SESSION_STORAGE_KEY } from './session';

const stored = () => JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as { refreshToken: string } | null;

function signedInSession() {
  const session = new AuthSession();
  session.establish(authServer.tokensFor(learner()));
  return session;
}

describe('the session', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the access token in memory and only the refresh and ID tokens in storage', async () => {
    const session = signedInSession();
    const token = await session.accessToken();
    expect(token).toMatch(/^access-/);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toContain(token);
    expect(stored()?.refreshToken).toMatch(/^refresh-/);
    expect(session.getSnapshot()).toEqual({ status: 'signed-in' });
  });

  it('refreshes once for any number of callers and rotates the stored refresh token', async () => {
    const session = signedInSession();
    const first = await session.accessToken();
    const before = stored()?.refreshToken;
    const renewed = await Promise.all([session.afterRejection(first!), session.afterRejection(first!), session.refresh()]);
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(first);
    expect(authServer.tokenRequests.filter((r) => r.grant_type === 'refresh_token')).toHaveLength(1);
    expect(stored()?.refreshToken).not.toBe(before);
  });

  it('does not refresh again for a token that another caller already replaced', async () => {
    const session = signedInSession();
    const old = (await session.accessToken())!;
    const fresh = await session.refresh();
    await expect(session.afterRejection(old)).resolves.toBe(fresh);
    expect(authServer.tokenRequests).toHaveLength(1);
  });

  it('never presents a replaced refresh token, so rotation never trips reuse detection', async () => {
    const session = signedInSession();
    for (let i = 0; i < 3; i += 1) {
      await session.refresh();
    }
    const presented = authServer.tokenRequests.map((r) => r.refresh_token);
    expect(new Set(presented).size).toBe(3);
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('uses the newest stored refresh token, which another tab may have rotated', async () => {
    const first = signedInSession();
    const second = new AuthSession();
    await second.refresh();
    // the first tab's own refresh token is now replaced; it must read the stored one
    await expect(first.refresh()).resolves.toMatch(/^access-/);
    expect(first.getSnapshot().status).toBe('signed-in');
  });

  it('refreshes an access token that is about to expire before sending it', async () => {
    authServer.accessTokenSeconds = 20;
    const session = signedInSession();
    authServer.accessTokenSeconds = 900;
    const token = await session.accessToken();
    expect(authServer.tokenRequests).toHaveLength(1);
    expect(token).toMatch(/^access-/);
  });

  it('refreshes silently a minute before the access token expires', async () => {
    vi.useFakeTimers();
    const session = signedInSession();
    const first = await session.accessToken();
    await vi.advanceTimersByTimeAsync(839_000);
    expect(authServer.tokenRequests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(authServer.tokenRequests).toHaveLength(1));
    await expect(session.accessToken()).resolves.not.toBe(first);
  });

  it('ends when the server refuses the refresh token, saying why', async () => {
    const session = signedInSession();
    server.use(http.post('*/oauth2/token', () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })));
    await expect(session.refresh()).resolves.toBeNull();
    expect(session.getSnapshot()).toEqual({
      status: 'signed-out',
      endedBecause: 'Your sign-in has expired or was ended elsewhere. Sign in again.',
    });
    expect(stored()).toBeNull();
  });

  it('keeps the refresh token when the server cannot be reached, and reports it', async () => {
    const session = signedInSession();
    server.use(http.post('*/oauth2/token', () => HttpResponse.error()));
    await expect(session.refresh()).rejects.toThrow('Cannot reach the sign-in service');
    expect(stored()).not.toBeNull();
  });

  it('resumes after a reload from the stored refresh token', async () => {
    signedInSession();
    const reloaded = new AuthSession();
    expect(reloaded.getSnapshot().status).toBe('restoring');
    reloaded.restore();
    await vi.waitFor(() => expect(reloaded.getSnapshot().status).toBe('signed-in'));
    expect(await reloaded.accessToken()).toMatch(/^access-/);
  });

  it('starts signed out without a stored session and sends no token', async () => {
    const session = new AuthSession();
    expect(session.getSnapshot().status).toBe('signed-out');
    await expect(session.accessToken()).resolves.toBeNull();
    expect(authServer.tokenRequests).toHaveLength(0);
  });

  it('signs out by ending the server session, then revoking the refresh token', async () => {
    const session = signedInSession();
    const refreshToken = stored()!.refreshToken;
    await session.signOut();
    expect(session.getSnapshot().status).toBe('signed-out');
    expect(stored()).toBeNull();
    expect(authServer.loggedOut).toHaveLength(1);
    expect(authServer.loggedOut[0].split('.')).toHaveLength(3);
    expect(authServer.revoked).toEqual([refreshToken]);
    await expect(session.accessToken()).resolves.toBeNull();
  });

  it('follows a sign-out in another tab', async () => {
    const session = signedInSession();
    const listener = vi.fn();
    session.subscribe(listener);
    localStorage.removeItem(SESSION_STORAGE_KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY, newValue: null }));
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', endedBecause: 'You signed out in another tab.' });
    expect(listener).toHaveBeenCalled();
  });
});
