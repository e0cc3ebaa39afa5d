import { useState } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { beginSignIn } from '../../../lib/auth/sign-in';

type Props = { returnTo: string; label?: string; secondary?: boolean };

/** Sends the browser to the server's sign-in page (authorization code + PKCE), back to {@code returnTo}. */
export function SignInButton({ returnTo, label = 'Continue to sign in', secondary = false }: Props) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      await beginSignIn(returnTo);
    } catch (failure) {
      setError(failure);
      setStarting(false);
    }
  }

  return (
    <>
      <button type="button" className={secondary ? 'button secondary' : undefined} onClick={start} disabled={starting}>
        {starting ? 'Opening the sign-in page…' : label}
      </button>
      {error !== null && <ErrorMessage error={error} title="Sign-in could not start" />}
    </>
  );
}
