import { http, HttpResponse } from 'msw';
import { authServer, learner } from '../../testing/mocks/auth-server';
import { server } from '../../testing/mocks/server';
import { codeChallengeS256 } from './pkce';
import { authSession } from './session';
import { authorizationUrl, completeSignIn, safeReturnTo } from './sign-in';

describe('signing in with the authorization code flow', () => {
  it('asks for a code with an S256 challenge, state, nonce, the callback and every scope', async () => {
    const url = new URL(await authorizationUrl('/skills'));
    expect(url.origin + url.pathname).toBe('http://localhost:3000/oauth2/authorize');
    const params = url.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe('agentcoach-web');
    expect(params.get('redirect_uri')).toBe('http://localhost:3000/auth/callback');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'org:admin', 'coach:chat']));
    expect(params.get('state')).toHaveLength(43);
    expect(params.get('nonce')).toHaveLength(43);
    const pending = JSON.parse(sessionStorage.getItem('agentcoach.auth.pending')!) as { verifier: string; state: string };
    expect(params.get('code_challenge')).toBe(await codeChallengeS256(pending.verifier));
    expect(pending.state).toBe(params.get('state'));
  });

  it('exchanges the code with the verifier, checks the ID token and returns where the person was going', async () => {
    const callback = authServer.authorize(await authorizationUrl('/skills'), learner());
    await expect(completeSignIn(callback)).resolves.toBe('/skills');
    expect(authSession.getSnapshot().status).toBe('signed-in');
    expect(sessionStorage.getItem('agentcoach.auth.pending')).toBeNull();
  });

  it('exchanges a code only once when the callback is handled twice', async () => {
    const callback = authServer.authorize(await authorizationUrl('/'), learner());
    await Promise.all([completeSignIn(callback), completeSignIn(callback)]);
    expect(authServer.tokenRequests.filter((r) => r.grant_type === 'authorization_code')).toHaveLength(1);
  });

  it('refuses an answer whose state is not the one this tab sent', async () => {
    const callback = authServer.authorize(await authorizationUrl('/'), learner()).replace(/state=[^&]+/, 'state=forged');
    await expect(completeSignIn(callback)).rejects.toThrow('This sign-in was not started from this tab');
    expect(authServer.tokenRequests).toHaveLength(0);
    expect(authSession.getSnapshot().status).toBe('signed-out');
  });

  it('refuses a second use of the same pending sign-in (a replayed callback)', async () => {
    const url = await authorizationUrl('/');
    await completeSignIn(authServer.authorize(url, learner()));
    await expect(completeSignIn(authServer.authorize(url, learner()))).rejects.toThrow('not started from this tab');
  });

  it('refuses an ID token whose nonce is not the one this tab sent', async () => {
    const url = new URL(await authorizationUrl('/'));
    url.searchParams.set('nonce', 'someone-elses-nonce');
    await expect(completeSignIn(authServer.authorize(url.toString(), learner()))).rejects.toThrow('not meant for this page');
    expect(authSession.getSnapshot().status).toBe('signed-out');
  });

  it('fails when the server does not accept the verifier', async () => {
    const url = await authorizationUrl('/');
    const pending = JSON.parse(sessionStorage.getItem('agentcoach.auth.pending')!) as Record<string, string>;
    sessionStorage.setItem('agentcoach.auth.pending', JSON.stringify({ ...pending, verifier: 'x'.repeat(43) }));
    await expect(completeSignIn(authServer.authorize(url, learner()))).rejects.toThrow('Your sign-in has expired');
  });

  it('words an error the authorization server sent back', async () => {
    await authorizationUrl('/');
    await expect(completeSignIn('?error=access_denied&state=x')).rejects.toThrow('Sign-in was cancelled or refused.');
  });

  it('says so when the sign-in service cannot be reached', async () => {
    server.use(http.get('*/.well-known/openid-configuration', () => HttpResponse.error()));
    await expect(authorizationUrl('/')).rejects.toThrow('Cannot reach the sign-in service. Check your connection and try again.');
  });

  it('only returns to paths of this app', () => {
    expect(safeReturnTo('/admin/audit?x=1#y')).toBe('/admin/audit?x=1#y');
    expect(safeReturnTo('https://evil.example/')).toBe('/');
    expect(safeReturnTo('//evil.example/')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo('/auth/callback?code=1')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
