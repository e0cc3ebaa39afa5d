import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { useSession } from '../../../lib/auth/use-session';
import { SignInButton } from './sign-in-button';

/** Shows {@code children} to a signed-in person; everybody else is asked to sign in and comes back here. */
export function RequireSignIn({ children, what }: { children: ReactNode; what: string }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') {
    return <Loading label="Resuming your session" />;
  }
  if (session.status === 'signed-out') {
    const here = location.pathname + location.search + location.hash;
    return (
      <div className="card sign-in-required">
        <p>
          <strong>Sign in to see {what}.</strong>
        </p>
        {session.endedBecause && <p className="notice">{session.endedBecause}</p>}
        <div className="form-actions">
          <SignInButton returnTo={here} />
          <Link to={`/signup?returnTo=${encodeURIComponent(here)}`}>Create an account</Link>
        </div>
      </div>
    );
  }
  return <>{children}</>;
}
