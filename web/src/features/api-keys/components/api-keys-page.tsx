import { AsyncSection } from '../../../components/errors/async-section';
import { Loading } from '../../../components/ui/loading';
import { ErrorMessage } from '../../../components/ui/error-message';
import { useMe } from '../../../lib/auth/me';
import { CreateKeyForm } from './create-key-form';
import { KeyList } from './key-list';

/** API keys of the signed-in person: for scripts and the CLI, with scopes they choose. */
export function ApiKeysPage() {
  const { data: me, error, refetch } = useMe();
  return (
    <div className="stack">
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">Your keys</h2>
        <AsyncSection loadingLabel="Loading your keys" errorTitle="Your keys could not be loaded">
          <KeyList />
        </AsyncSection>
      </section>
      <section className="card">
        {me ? (
          <CreateKeyForm scopes={me.scopes} />
        ) : error ? (
          <ErrorMessage error={error} title="Your account could not be loaded" onRetry={() => void refetch()} />
        ) : (
          <Loading label="Loading your account" />
        )}
      </section>
    </div>
  );
}
