import { useSearchParams } from 'react-router';
import { ForgotPasswordForm, ResetPasswordForm } from '../../features/auth/components/password-reset';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function ForgotPasswordRoute() {
  useDocumentTitle('Forgot your password');
  return (
    <section aria-labelledby="forgot-title" className="page narrow-wide">
      <h1 id="forgot-title">Forgot your password?</h1>
      <p className="lead">Enter the email of your account; we send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </section>
  );
}

export function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="reset-title" className="page narrow-wide">
      <h1 id="reset-title">Choose a new password</h1>
      <ResetPasswordForm token={params.get('token')} />
    </section>
  );
}
