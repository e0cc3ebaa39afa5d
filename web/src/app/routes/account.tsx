import { ApiKeysPage } from '../../features/api-keys/components/api-keys-page';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { MfaSettings } from '../../features/auth/components/mfa-settings';
import { RequireSignIn } from '../../features/auth/components/require-sign-in';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function ApiKeysRoute() {
  useDocumentTitle('API keys');
  return (
    <section aria-labelledby="api-keys-title" className="page">
      <h1 id="api-keys-title">API keys</h1>
      <p className="lead">Keys let scripts and the command-line client call the API as you, with only the scopes you choose.</p>
      <RequireSignIn what="your API keys">
        <ApiKeysPage />
      </RequireSignIn>
    </section>
  );
}

export function SecurityRoute() {
  useDocumentTitle('Security');
  return (
    <section aria-labelledby="security-title" className="page narrow-wide">
      <h1 id="security-title">Security</h1>
      <RequireSignIn what="your security settings">
        <h2 id="change-password-title">Password</h2>
        <ChangePasswordForm />
        <h2>Two-factor authentication</h2>
        <MfaSettings />
      </RequireSignIn>
    </section>
  );
}
