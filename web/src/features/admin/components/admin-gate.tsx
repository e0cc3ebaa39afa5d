import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { isOrgAdmin, useMe, type Me } from '../../../lib/auth/me';
import { signInAgain } from '../../../lib/auth/sign-in';
import './admin.css';

/**
 * Lets organization admins through, with their organization; explains to everybody else why
 * not. Where the server requires a second factor for admins, an admin without one (or whose
 * session was signed in without it) is sent to set it up or to sign in again first.
 */
export function AdminGate({ children }: { children: (me: Me) => ReactNode }) {
  const { data: me, error, refetch } = useMe();
  if (error) {
    return <ErrorMessage error={error} title="Your account could not be loaded" onRetry={() => void refetch()} />;
  }
  if (!me) {
    return <Loading label="Loading your account" />;
  }
  if (!isOrgAdmin(me)) {
    return (
      <div className="card">
        <p>
          <strong>Only organization admins can see these pages.</strong> Ask an admin of your organization if you need
          access.
        </p>
      </div>
    );
  }
  if (me.mfa?.required && !me.mfa.enabled) {
    return (
      <div className="card">
        <p>
          <strong>Organization admins sign in with two-factor authentication.</strong> Set it up first; it takes a minute
          with an authenticator app.
        </p>
        <Link className="button" to="/account/security">
          Set up two-factor authentication
        </Link>
      </div>
    );
  }
  if (me.mfa?.required && !me.mfa.verified) {
    return (
      <div className="card">
        <p>
          <strong>This session was signed in without your authenticator code.</strong> Sign in again with it to manage
          your organization.
        </p>
        <button type="button" onClick={() => void signInAgain('/admin')}>
          Sign in again with your code
        </button>
      </div>
    );
  }
  return <>{children(me)}</>;
}
