import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../../components/ui/form-field';
import { fieldErrors, isProblem } from '../../../lib/api-client';
import { beginSignIn } from '../../../lib/auth/sign-in';
import { useSignUp, type SignUp } from '../api/sign-up';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_BYTES = 72;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = keyof SignUp;

/** The password rules the server applies, checked here first so the person learns them while typing. */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
    return `Use at most ${MAX_PASSWORD_BYTES} bytes (fewer characters if they are not plain letters).`;
  }
  return undefined;
}

function check(account: SignUp): FieldErrors<Field> {
  return {
    displayName: account.displayName.trim() ? undefined : 'Enter the name others will see.',
    email: EMAIL.test(account.email.trim()) ? undefined : 'Enter an email address like name@example.com.',
    password: passwordProblem(account.password),
  };
}

const FIELD_LABELS: Record<Field, string> = { displayName: 'Name', email: 'Email', password: 'Password' };

/** Creates an account, then signs in through the authorization server and returns to {@code returnTo}. */
export function SignUpForm({ returnTo }: { returnTo: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [account, setAccount] = useState<SignUp>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [attempt, setAttempt] = useState(0);
  const [redirecting, setRedirecting] = useState(false);
  const [redirectError, setRedirectError] = useState<unknown>(null);
  const signUp = useSignUp();
  useFocusFirstInvalid(form, attempt);

  function update(field: Field, value: string) {
    setAccount((current) => ({ ...current, [field]: value }));
    if (errors[field]) {
      setErrors((current) => ({ ...current, [field]: undefined }));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(account);
    setErrors(found);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await signUp.mutateAsync({ ...account, email: account.email.trim(), displayName: account.displayName.trim() });
    } catch (error) {
      const byField = fieldErrors(error);
      const server: FieldErrors<Field> = {};
      for (const field of Object.keys(FIELD_LABELS) as Field[]) {
        if (byField[field]) {
          server[field] = `${FIELD_LABELS[field]} ${byField[field]}.`;
        }
      }
      if (isProblem(error, 'email-taken')) {
        server.email = error.message;
      }
      setErrors(server);
      setAttempt((n) => n + 1);
      return;
    }
    setRedirecting(true);
    try {
      await beginSignIn(returnTo);
    } catch (error) {
      setRedirectError(error);
      setRedirecting(false);
    }
  }

  const unexplained = signUp.error && !hasErrors(errors) ? signUp.error : null;
  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate aria-labelledby="signup-title">
      <FormField label="Name" error={errors.displayName}>
        {(control) => (
          <input {...control} name="displayName" autoComplete="name" maxLength={200} value={account.displayName}
            onChange={(e) => update('displayName', e.target.value)} />
        )}
      </FormField>
      <FormField label="Email" error={errors.email}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="email" maxLength={320} value={account.email}
            onChange={(e) => update('email', e.target.value)} />
        )}
      </FormField>
      {isProblem(signUp.error, 'email-taken') && (
        <p>
          <Link to={`/login?returnTo=${encodeURIComponent(returnTo)}`}>Sign in with this email instead</Link>
        </p>
      )}
      <FormField label="Password" error={errors.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="new-password" value={account.password}
            onChange={(e) => update('password', e.target.value)} />
        )}
      </FormField>
      {unexplained && <ErrorMessage error={unexplained} title="Your account could not be created" />}
      {redirectError !== null && <ErrorMessage error={redirectError} title="Your account exists, but sign-in could not start" />}
      <div className="form-actions">
        <button type="submit" disabled={signUp.isPending || redirecting}>
          {signUp.isPending ? 'Creating your account…' : redirecting ? 'Signing you in…' : 'Create account'}
        </button>
      </div>
      <p role="status" className="form-status" aria-live="polite">
        {redirecting ? 'Your account is ready. Signing you in…' : ''}
      </p>
    </form>
  );
}
