import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { errorSentence } from '../../../lib/api-client';
import { completeSignIn } from '../../../lib/auth/sign-in';
import { SignInButton } from './sign-in-button';

/** Where the authorization server sends the browser back: checks the answer, exchanges the code, moves on. */
export function AuthCallback() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    completeSignIn(location.search).then(
      (returnTo) => {
        if (current) {
          // whatever was cached belonged to nobody or to someone else
          queryClient.clear();
          void navigate(returnTo, { replace: true });
        }
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [location.search, navigate, queryClient]);

  if (error === null) {
    return <Loading label="Signing you in" />;
  }
  return (
    <>
      <div className="error-message" role="alert">
        <p className="error-title">Sign-in did not complete</p>
        <p>{errorSentence(error)}</p>
      </div>
      <SignInButton returnTo="/" label="Sign in again" />
    </>
  );
}
