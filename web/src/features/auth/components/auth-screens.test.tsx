import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { authSession } from '../../../lib/auth/session';
import { authorizationUrl } from '../../../lib/auth/sign-in';
import { organization } from '../../../testing/mocks/admin-handlers';
import { problem } from '../../../testing/mocks/handlers';
import { authServer, learner, orgAdmin } from '../../../testing/mocks/auth-server';
import { server } from '../../../testing/mocks/server';
import { renderApp, signInAs } from '../../../testing/test-utils';

/** Replaces window.location.assign, which jsdom cannot follow, and records where the app sent the browser. */
function captureRedirects() {
  const assigned: string[] = [];
  const original = window.location;
  Object.defineProperty(window, 'location', {
    configurable: true,
    value: { ...original, origin: original.origin, assign: (url: string) => assigned.push(url) },
  });
  return { assigned, restore: () => Object.defineProperty(window, 'location', { configurable: true, value: original }) };
}

describe('sign-up', () => {
  it('checks the fields, links each error to its input and focuses the first one', async () => {
    renderApp('/signup');
    await userEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter the name others will see.');
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 10 characters. Use at least 10 characters.');
    expect(organization.state.signups).toEqual([]);
  });

  it('shows the server saying the email is taken on the email field, with a way to sign in', async () => {
    renderApp('/signup');
    await userEvent.type(await screen.findByLabelText('Name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAccessibleDescription('An account with this email already exists; sign in instead.'));
    expect(email).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Sign in with this email instead' })).toHaveAttribute('href', '/login?returnTo=%2F');
  });

  it('creates the account, then starts signing in and returns where the person was going', async () => {
    const redirects = captureRedirects();
    try {
      renderApp('/signup?returnTo=%2Fskills');
      await userEvent.type(await screen.findByLabelText('Name'), 'Nia New');
      await userEvent.type(screen.getByLabelText('Email'), 'nia@example.com');
      await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
      await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
      await waitFor(() => expect(redirects.assigned).toHaveLength(1));
      expect(organization.state.signups).toEqual([{ email: 'nia@example.com', displayName: 'Nia New' }]);
      expect(redirects.assigned[0]).toMatch(/^http:\/\/localhost:3000\/oauth2\/authorize\?/);
      expect(screen.getByRole('status')).toHaveTextContent('Your account is ready. Signing you in…');
      expect(JSON.parse(sessionStorage.getItem('agentcoach.auth.pending')!).returnTo).toBe('/skills');
    } finally {
      redirects.restore();
    }
  });
});

describe('the sign-in callback', () => {
  it('completes the sign-in and opens the page the person was going to', async () => {
    const callback = authServer.authorize(await authorizationUrl('/skills'), learner());
    const { router } = renderApp(`/auth/callback${callback}`);
    await waitFor(() => expect(router.state.location.pathname).toBe('/skills'));
    expect(authSession.getSnapshot().status).toBe('signed-in');
    expect(await screen.findByRole('button', { name: 'Account' })).toBeInTheDocument();
  });

  it('explains a callback that does not belong to this tab and offers to start again', async () => {
    renderApp('/auth/callback?code=stolen&state=forged');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sign-in did not complete');
    expect(alert).toHaveTextContent('This sign-in was not started from this tab, or took too long. Start again.');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
  });
});

describe('the account menu', () => {
  it('opens with the keyboard, lists the account pages and closes on Escape', async () => {
    signInAs(orgAdmin());
    renderApp('/skills');
    const button = await screen.findByRole('button', { name: 'Account' });
    await waitFor(() => expect(button).toHaveTextContent('AA'));
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('ada@example.com')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Organization admin' })).toHaveAttribute('href', '/admin');
    await userEvent.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
  });

  it('has no admin link for a learner', async () => {
    signInAs(learner());
    renderApp('/skills');
    await userEvent.click(await screen.findByRole('button', { name: 'Account' }));
    await screen.findByText('lea@example.com');
    expect(screen.queryByRole('link', { name: 'Organization admin' })).not.toBeInTheDocument();
  });

  it('signs out everywhere and says so', async () => {
    signInAs(learner());
    renderApp('/skills');
    await userEvent.click(await screen.findByRole('button', { name: 'Account' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out.')).toBeInTheDocument();
    expect(authServer.revoked).toHaveLength(1);
    expect(authServer.loggedOut).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('accepting an invitation', () => {
  it('asks a signed-out visitor to sign in or sign up and come back', async () => {
    renderApp('/invitations/accept#token=inv_1');
    expect(await screen.findByRole('button', { name: 'Sign in to accept' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      `/signup?returnTo=${encodeURIComponent('/invitations/accept#token=inv_1')}`,
    );
  });

  it('joins the organization with the role of the invitation', async () => {
    organization.state.invitations.push({ token: 'inv_7', email: 'lea@example.com', role: 'instructor', accepted: false });
    signInAs(learner());
    renderApp('/invitations/accept#token=inv_7');
    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    expect(await screen.findByText('You joined the organization as an instructor.')).toBeInTheDocument();
    expect(organization.state.invitations[0].accepted).toBe(true);
  });

  it('explains an invitation that is used, expired or for another address', async () => {
    signInAs(learner());
    renderApp('/invitations/accept?token=inv_unknown');
    await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('It was already used, it has expired, or it was sent to another email address than lea@example.com.');
  });
});

describe('two-factor authentication', () => {
  it('enrols an authenticator app, shows the recovery codes and offers a verified sign-in', async () => {
    signInAs(learner({ mfa: { enabled: false, required: false, verified: false } }));
    renderApp('/account/security');
    await userEvent.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));
    expect(await screen.findByLabelText('Setup key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
    expect(screen.getByRole('list', { name: 'Steps to set up an authenticator app' })).toHaveFocus();
    expect(screen.getByRole('img', { name: 'QR code to add AgentCoach to an authenticator app' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the key' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'open it in your authenticator app' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^otpauth:\/\/totp\/AgentCoach:lea@example\.com\?secret=/),
    );

    const code = screen.getByLabelText('Code from your app');
    await userEvent.type(code, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
    expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your app.');

    await userEvent.clear(code);
    await userEvent.type(code, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription('That code is not right or has expired; enter the code your app shows now.'),
    );

    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Sign in again with your code' })).toBeInTheDocument();
  });

  it('shows why setting up could not start', async () => {
    signInAs(learner({ mfa: { enabled: false, required: false, verified: false } }));
    server.use(http.post('*/api/me/mfa/totp', () => problem(409, 'mfa-already-enabled', 'Already enabled',
      'Two-factor authentication is already on for this account.')));
    renderApp('/account/security');
    await userEvent.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Setting up could not start');
    expect(alert).toHaveTextContent('Two-factor authentication is already on for this account.');
    expect(screen.queryByRole('img', { name: /QR code/ })).not.toBeInTheDocument();
  });

  it('makes new recovery codes with a current code, shown once with a way to copy them', async () => {
    const user = userEvent.setup();
    signInAs(learner({ mfa: { enabled: true, required: false, verified: true } }));
    renderApp('/account/security');
    const code = await screen.findByLabelText('Code from your app, to get new recovery codes');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    await waitFor(() =>
      expect(code).toHaveAccessibleDescription('That code is not right or has expired; enter the code your app shows now.'),
    );
    expect(code).toHaveFocus();

    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem').map((item) => item.textContent)).toContain('new0-co00');
    expect(screen.getByRole('heading', { name: 'Your recovery codes' }).parentElement).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Copy the codes' }));
    expect(await navigator.clipboard.readText()).toMatch(/^new0-co00\nnew0-co01\n/);
    expect(screen.getByText('Copied.')).toBeInTheDocument();
  });

  it('tells an admin that the role needs it and cannot turn it off', async () => {
    signInAs(orgAdmin());
    renderApp('/account/security');
    expect(await screen.findByText('Your role needs two-factor authentication, so it cannot be turned off.')).toBeInTheDocument();
  });

  it('says when the server has no two-factor authentication', async () => {
    signInAs(learner());
    renderApp('/account/security');
    expect(await screen.findByText('This server does not offer two-factor authentication yet.')).toBeInTheDocument();
  });
});

describe('password change', () => {
  async function fill(current: string, next: string, repeat = next) {
    await userEvent.type(await screen.findByLabelText('Current password'), current);
    await userEvent.type(screen.getByLabelText('New password'), next);
    await userEvent.type(screen.getByLabelText('Repeat the new password'), repeat);
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
  }

  it('checks the fields here first and focuses the first one to fix', async () => {
    signInAs(learner());
    renderApp('/account/security');
    await fill('x', 'short', 'other');
    await userEvent.clear(screen.getByLabelText('Current password'));
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('Enter your current password.');
    expect(screen.getByLabelText('Current password')).toHaveFocus();
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription('At least 10 characters. Use at least 10 characters.');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription('The two passwords differ.');
    expect(organization.state.password).toBe('the current password');
  });

  it('shows a wrong current password beside its field, then changes the password', async () => {
    signInAs(learner());
    renderApp('/account/security');
    await fill('not the password', 'a brand new password');
    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription('The password is not correct; nothing was changed.'));
    expect(current).toHaveFocus();

    await userEvent.clear(current);
    await userEvent.type(current, 'the current password');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expect(organization.state.password).toBe('a brand new password');
    expect(screen.getByLabelText('Current password')).toHaveValue('');
  });

  it('puts the server\'s verdict on the new password beside it, and any other problem below the form', async () => {
    signInAs(learner());
    server.use(http.post('*/api/me/password', () => HttpResponse.json(
      { type: '/problems/validation-failed', title: 'Validation failed', status: 400, detail: 'Some fields are not valid: newPassword.',
        errors: [{ field: 'newPassword', message: 'is one of the most common passwords' }] },
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    ), { once: true }));
    renderApp('/account/security');
    await fill('the current password', 'password1234');
    await waitFor(() => expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      'At least 10 characters. is one of the most common passwords',
    ));
    expect(screen.getByLabelText('New password')).toHaveFocus();

    server.use(http.post('*/api/me/password', () => problem(429, 'rate-limited', 'Too many requests', 'Too many attempts; try again in a minute.')));
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your password was not changed');
    expect(alert).toHaveTextContent('Too many attempts; try again in a minute.');
  });
});

describe('password reset', () => {
  it('asks for the email and answers the same whether or not it has an account', async () => {
    renderApp('/forgot-password');
    await userEvent.type(await screen.findByLabelText('Email'), 'who@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText(/If an account exists for who@example.com/)).toBeInTheDocument();
    expect(organization.state.resetRequests).toEqual(['who@example.com']);
  });

  it('refuses differing passwords, then shows a refused token as a sentence', async () => {
    renderApp('/reset-password?token=stale');
    await userEvent.type(await screen.findByLabelText('New password'), 'a long new password');
    await userEvent.type(screen.getByLabelText('Repeat the new password'), 'another password');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription('The two passwords differ.');
    await userEvent.clear(screen.getByLabelText('Repeat the new password'));
    await userEvent.type(screen.getByLabelText('Repeat the new password'), 'a long new password');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link is not valid any more: it expired or was used.');
    expect(screen.getByRole('link', { name: 'Ask for a new reset link' })).toBeInTheDocument();
  });
});

describe('a page that needs an account', () => {
  it('asks a signed-out visitor to sign in and come back to it', async () => {
    renderApp('/account/api-keys');
    expect(await screen.findByText('Sign in to see your API keys.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      `/signup?returnTo=${encodeURIComponent('/account/api-keys')}`,
    );
  });

  it('says why a session ended', async () => {
    signInAs(learner());
    authServer.expireAccessTokens();
    server.use(http.post('*/oauth2/token', () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })));
    renderApp('/account/api-keys');
    expect(await screen.findByText('Your sign-in has expired or was ended elsewhere. Sign in again.')).toBeInTheDocument();
  });
});
