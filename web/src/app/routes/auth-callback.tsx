import { AuthCallback } from '../../features/auth/components/auth-callback';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AuthCallbackRoute() {
  useDocumentTitle('Signing in');
  return (
    <section aria-labelledby="callback-title" className="page narrow-wide">
      <h1 id="callback-title">Signing in</h1>
      <AuthCallback />
    </section>
  );
}
