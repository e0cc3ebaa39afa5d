import { useId, useRef, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, hasErrors, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { SCOPE_DESCRIPTIONS, useCreateApiKey } from '../api/api-keys';

type Errors = { name?: string; scopes?: string; expires?: string };

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A new key: its name, the scopes it gets (at most the caller's own) and an optional expiry day. */
export function CreateKeyForm({ scopes }: { scopes: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const scopesId = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => scopes.filter((s) => s === 'content:read'));
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useCreateApiKey();
  useFocusFirstInvalid(form, attempt);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {
      name: name.trim() ? (name.trim().length > 100 ? 'Use at most 100 characters.' : undefined) : 'Name the key after where you will use it.',
      scopes: chosen.length ? undefined : 'Choose at least one thing the key may do.',
      expires: expires && expires <= today() ? 'Choose a day after today, or leave it empty.' : undefined,
    };
    setErrors(found);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate(
      { name: name.trim(), scopes: chosen, expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null },
      { onSuccess: () => setName('') },
    );
  }

  function toggle(scope: string, on: boolean) {
    setChosen((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
    setErrors((current) => ({ ...current, scopes: undefined }));
  }


  return (
    <>
      <form ref={form} className="form" onSubmit={onSubmit} noValidate aria-labelledby="new-key-title">
        <h2 id="new-key-title">New key</h2>
        <FormField label="Name" error={errors.name} hint="For example the machine or script that uses it.">
          {(control) => (
            <input {...control} maxLength={100} value={name}
              onChange={(e) => { setName(e.target.value); setErrors((c) => ({ ...c, name: undefined })); }} />
          )}
        </FormField>
        <fieldset className="checkbox-group" aria-describedby={errors.scopes ? `${scopesId}-error` : undefined}
          aria-invalid={errors.scopes ? true : undefined}>
          <legend>What the key may do</legend>
          {scopes.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" checked={chosen.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)}
                aria-invalid={errors.scopes ? true : undefined} />
              <span>
                {SCOPE_DESCRIPTIONS[scope] ?? scope} <code>{scope}</code>
              </span>
            </label>
          ))}
          {errors.scopes && (
            <p id={`${scopesId}-error`} className="field-error">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <FormField label="Expires after (optional)" error={errors.expires} hint="Without a day, the key works until you revoke it.">
          {(control) => (
            <input {...control} type="date" min={today()} value={expires}
              onChange={(e) => { setExpires(e.target.value); setErrors((c) => ({ ...c, expires: undefined })); }} />
          )}
        </FormField>
        {create.error && <ErrorMessage error={create.error} title="The key was not created" />}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      {create.data && (
        <div className="success-panel new-secret" tabIndex={-1} ref={(node) => node?.focus()}>
          <h3>Key “{create.data.key.name}” created</h3>
          <p>Copy it now: it is not shown again. Send it as the header <code>Authorization: Bearer &lt;key&gt;</code>.</p>
          <code className="secret" aria-label="New API key">
            {create.data.secret}
          </code>
          <CopyButton text={create.data.secret} label="Copy the key" />
        </div>
      )}
    </>
  );
}
