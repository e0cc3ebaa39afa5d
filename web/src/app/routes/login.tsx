import { useId, useState, type FormEvent } from 'react';

/**
 * Sign-in page. Authentication goes through the server's authorization server
 * (authorization code + PKCE); until that lands this page explains what is coming
 * and keeps the form accessible so the layout and flow can be reviewed.
 */
export function LoginRoute() {
  const emailId = useId();
  const [notice, setNotice] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice('Sign-in is not available on this server yet.');
  }

  return (
    <section aria-labelledby="login-title" className="page narrow">
      <h1 id="login-title">Sign in</h1>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor={emailId}>Email</label>
        <input id={emailId} name="email" type="email" autoComplete="email" required />
        <button type="submit">Continue</button>
      </form>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
    </section>
  );
}
