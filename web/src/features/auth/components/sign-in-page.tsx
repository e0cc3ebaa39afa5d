import { Link, useLocation, useSearchParams } from 'react-router';
import { useMe } from '../../../lib/auth/me';
import { safeReturnTo } from '../../../lib/auth/sign-in';
import { SignInButton } from './sign-in-button';

/**
 * The app's sign-in screen. The password (and the second factor) are typed into the server's own
 * sign-in page, never into this app: the button starts the authorization code flow.
 */
export function SignInPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { session, data: me } = useMe();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut;

  if (session.status === 'signed-in') {
    return (
      <>
        <p>You are signed in{me ? ` as ${me.displayName} (${me.email})` : ''}.</p>
        <Link className="button" to={returnTo}>
          Continue
        </Link>
      </>
    );
  }
  return (
    <>
      {signedOut && (
        <p role="status" className="success-panel">
          You have signed out.
        </p>
      )}
      {!signedOut && session.endedBecause && (
        <p role="status" className="notice">
          {session.endedBecause}
        </p>
      )}
      <p className="lead">
        You sign in on AgentCoach&apos;s sign-in page with your email and password (and your authenticator code if you
        set one up), then come straight back here.
      </p>
      <div className="form-actions">
        <SignInButton returnTo={returnTo} />
      </div>
      <ul className="auth-links">
        <li>
          New here? <Link to={`/signup${returnTo !== '/' ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`}>Create an account</Link>
        </li>
        <li>
          <Link to="/forgot-password">Forgot your password?</Link>
        </li>
      </ul>
    </>
  );
}
