import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { isProblem } from '../../../lib/api-client';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password-reset';
import { SignInButton } from './sign-in-button';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './sign-up-form';

/** Asks for a reset link; says the same thing whether or not the address has an account. */
export function ForgotPasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const request = useRequestPasswordReset();
  useFocusFirstInvalid(form, attempt);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      setError('Enter the email address of your account.');
      setAttempt((n) => n + 1);
      return;
    }
    request.mutate(email.trim());
  }

  if (request.isSuccess) {
    return (
      <div className="success-panel" role="status">
        <p>
          If an account exists for {email.trim()}, an email with a link to choose a new password is on its way. The link
          works once, for 30 minutes.
        </p>
      </div>
    );
  }
  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormField label="Email" error={error}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" value={email}
            onChange={(e) => { setEmail(e.target.value); setError(undefined); }} />
        )}
      </FormField>
      {request.error && <ErrorMessage error={request.error} title="The reset link could not be sent" />}
      <button type="submit" disabled={request.isPending}>
        {request.isPending ? 'Sending…' : 'Send reset link'}
      </button>
    </form>
  );
}

/** Chooses a new password with the token of a reset link. */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const form = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const confirm = useConfirmPasswordReset();
  useFocusFirstInvalid(form, attempt);

  if (!token) {
    return (
      <div className="error-message" role="alert">
        <p className="error-title">This link has no reset token in it</p>
        <p>
          Open the whole link from the email, or <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      </div>
    );
  }
  if (confirm.isSuccess) {
    return (
      <div className="success-panel" role="status">
        <p>Your password has been changed. Sign in with it now.</p>
        <SignInButton returnTo="/" />
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      password: passwordProblem(password),
      repeat: repeat === password ? undefined : 'The two passwords differ.',
    };
    setErrors(found);
    if (found.password || found.repeat) {
      setAttempt((n) => n + 1);
      return;
    }
    confirm.mutate({ token: token!, newPassword: password });
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormField label="New password" error={errors.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={password}
            onChange={(e) => setPassword(e.target.value)} />
        )}
      </FormField>
      <FormField label="Repeat the new password" error={errors.repeat}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={repeat}
            onChange={(e) => setRepeat(e.target.value)} />
        )}
      </FormField>
      {confirm.error && (
        <ErrorMessage error={confirm.error} title="Your password was not changed" />
      )}
      {isProblem(confirm.error, 'invalid-reset-token') && (
        <p>
          <Link to="/forgot-password">Ask for a new reset link</Link>
        </p>
      )}
      <button type="submit" disabled={confirm.isPending}>
        {confirm.isPending ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
