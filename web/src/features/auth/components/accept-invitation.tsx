import { useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/auth/me';
import { useAcceptInvitation } from '../api/invitations';
import { SignInButton } from './sign-in-button';

const ROLE_NAMES: Record<string, string> = { learner: 'a learner', instructor: 'an instructor', org_admin: 'an organization admin' };

/** The invitation token of the link: in the fragment (how the app builds links) or the query. */
export function invitationToken(hash: string, search: string): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return fromHash || new URLSearchParams(search).get('token');
}

/** Joins the organization of an invitation link, after signing in or up with the invited email. */
export function AcceptInvitation() {
  const location = useLocation();
  const token = invitationToken(location.hash, location.search);
  const { session, data: me } = useMe();
  const accept = useAcceptInvitation();
  const result = useRef<HTMLDivElement>(null);

  if (!token) {
    return (
      <div className="error-message" role="alert">
        <p className="error-title">This link has no invitation in it</p>
        <p>Open the whole link from the invitation you received, or ask your admin for a new one.</p>
      </div>
    );
  }
  if (session.status === 'restoring') {
    return <Loading label="Resuming your session" />;
  }
  const here = location.pathname + location.search + location.hash;
  if (session.status === 'signed-out') {
    return (
      <div className="card sign-in-required">
        <p>
          You have been invited to join an organization on AgentCoach. Sign in, or create an account, with the email
          address the invitation was sent to; you come back here to accept it.
        </p>
        <div className="form-actions">
          <SignInButton returnTo={here} label="Sign in to accept" />
          <Link to={`/signup?returnTo=${encodeURIComponent(here)}`}>Create an account</Link>
        </div>
      </div>
    );
  }

  function onAccept() {
    accept.mutate(token!, { onSettled: () => requestAnimationFrame(() => result.current?.focus()) });
  }

  const notValid = accept.error instanceof ApiError && accept.error.status === 404;
  return (
    <div className="sign-in-required">
      {!accept.isSuccess && (
        <>
          <p>
            Accept the invitation as <strong>{me?.displayName ?? 'you'}</strong>
            {me && ` (${me.email})`}?
          </p>
          <div className="form-actions">
            <button type="button" onClick={onAccept} disabled={accept.isPending}>
              {accept.isPending ? 'Accepting…' : 'Accept invitation'}
            </button>
          </div>
        </>
      )}
      <div ref={result} tabIndex={-1} aria-live="polite">
        {accept.isSuccess && (
          <div className="success-panel">
            <p>
              <strong>You joined the organization as {ROLE_NAMES[accept.data.role] ?? accept.data.role}.</strong>
            </p>
            <p>
              <Link to="/">Go to the catalogue</Link>
            </p>
          </div>
        )}
        {notValid && (
          <div className="error-message" role="alert">
            <p className="error-title">This invitation cannot be accepted</p>
            <p>
              It was already used, it has expired, or it was sent to another email address than {me?.email ?? 'yours'}.
              Ask the admin who invited you for a new one.
            </p>
          </div>
        )}
        {accept.error && !notValid && <ErrorMessage error={accept.error} title="The invitation could not be accepted" />}
      </div>
    </div>
  );
}
