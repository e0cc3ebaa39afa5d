import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isOrgAdmin, useMe } from '../../../lib/auth/me';
import { authSession } from '../../../lib/auth/session';
import './auth.css';

/**
 * The header's sign-in link, or, once signed in, a disclosure with the account's pages and
 * "Sign out". Escape or a click elsewhere closes it; focus goes back to its button.
 */
export function AccountMenu() {
  const { session, data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) {
      return;
    }
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    }
    function onPointer(event: PointerEvent) {
      if (!container.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  if (session.status === 'restoring') {
    return <span className="account-pending" aria-hidden="true" />;
  }
  if (session.status === 'signed-out') {
    const here = location.pathname + location.search + location.hash;
    const target = location.pathname === '/login' || here === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(here)}`;
    return (
      <Link className="account-sign-in" to={target}>
        Sign in
      </Link>
    );
  }

  async function signOut() {
    setSigningOut(true);
    await authSession.signOut();
    queryClient.clear();
    setSigningOut(false);
    setOpen(false);
    void navigate('/login', { state: { signedOut: true } });
  }

  const initials = (me?.displayName ?? '?')
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();

  return (
    <div className="account" ref={container}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials}
        </span>
        <span className="visually-hidden">Account</span>
      </button>
      <div id={panelId} className="account-panel" hidden={!open}>
        {me && (
          <p className="account-who">
            <strong>{me.displayName}</strong>
            <span>{me.email}</span>
          </p>
        )}
        <ul>
          <li>
            <Link to="/account/api-keys">API keys</Link>
          </li>
          <li>
            <Link to="/account/security">Security</Link>
          </li>
          {isOrgAdmin(me) && (
            <li>
              <Link to="/admin">Organization admin</Link>
            </li>
          )}
        </ul>
        <button type="button" className="button secondary" onClick={signOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </div>
  );
}
