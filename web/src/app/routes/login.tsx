import { SignInPage } from '../../features/auth/components/sign-in-page';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function LoginRoute() {
  useDocumentTitle('Sign in');
  return (
    <section aria-labelledby="login-title" className="page narrow-wide">
      <h1 id="login-title">Sign in</h1>
      <SignInPage />
    </section>
  );
}
