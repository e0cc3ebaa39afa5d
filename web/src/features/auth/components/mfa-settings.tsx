import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { Loading } from '../../../components/ui/loading';
import { QrCode } from '../../../components/ui/qr-code';
import { fieldErrors, isProblem } from '../../../lib/api-client';
import { useMe, type Me } from '../../../lib/auth/me';
import { signInAgain } from '../../../lib/auth/sign-in';
import { useConfirmTotp, useDisableMfa, useNewRecoveryCodes, useStartTotp } from '../api/mfa';

/**
 * Focuses what it is attached to once, when it appears: one function for every render, so React
 * does not call it again (and pull focus away from a field being typed in) when the parent re-renders.
 */
const focusWhenShown = (node: HTMLElement | null) => node?.focus();

/** A secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function CodeForm({ label, submitLabel, pending, error, onCode, allowRecovery = false }: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onCode: (code: string) => void;
  allowRecovery?: boolean;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);
  const serverProblem = isProblem(error, 'invalid-mfa-code') ? error.message : fieldErrors(error).code;
  // a code the server refused is the field to fix, as with the form's own check
  useEffect(() => {
    if (serverProblem) {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [error, serverProblem]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = code.replace(/\s+/g, '');
    const valid = /^\d{6}$/.test(value) || (allowRecovery && /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(value));
    if (!valid) {
      setProblem(allowRecovery ? 'Enter the 6-digit code from your app, or a recovery code.' : 'Enter the 6-digit code from your app.');
      setAttempt((n) => n + 1);
      return;
    }
    setProblem(undefined);
    onCode(value);
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate>
      <FormField label={label} error={problem ?? serverProblem}>
        {(control) => (
          <input {...control} inputMode={allowRecovery ? 'text' : 'numeric'} autoComplete="one-time-code" maxLength={12}
            value={code} onChange={(e) => { setCode(e.target.value); setProblem(undefined); }} />
        )}
      </FormField>
      {error !== null && !serverProblem && <ErrorMessage error={error} title="That did not work" />}
      <button type="submit" disabled={pending}>
        {pending ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  // a download of the codes where the browser can make one (not in every test environment)
  const file = useMemo(
    () =>
      typeof URL.createObjectURL === 'function'
        ? URL.createObjectURL(new Blob([`AgentCoach recovery codes\n\n${codes.join('\n')}\n`], { type: 'text/plain' }))
        : null,
    [codes],
  );
  useEffect(() => () => void (file && URL.revokeObjectURL(file)), [file]);
  return (
    <div className="success-panel" tabIndex={-1} ref={focusWhenShown}>
      <h3>Your recovery codes</h3>
      <p>
        Each works once, instead of a code from your app, if you lose it. Keep them somewhere safe: they are not shown
        again.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="form-actions">
        {file && (
          <a className="button secondary" href={file} download="agentcoach-recovery-codes.txt">
            Download the codes
          </a>
        )}
        <CopyButton text={codes.join('\n')} label="Copy the codes" />
      </div>
    </div>
  );
}

/** Just switched on: the recovery codes (shown once) and the way to a verified session. */
function Enrolled({ codes }: { codes: string[] }) {
  return (
    <>
      <p role="status" className="form-status">
        Two-factor authentication is on.
      </p>
      <RecoveryCodes codes={codes} />
      <p>Sign in again with your code so that this session counts as verified (admin pages need that).</p>
      <button type="button" onClick={() => void signInAgain('/account/security')}>
        Sign in again with your code
      </button>
    </>
  );
}

function Enrol({ me, onEnrolled }: { me: Me; onEnrolled: (recoveryCodes: string[]) => void }) {
  const start = useStartTotp();
  const confirm = useConfirmTotp();

  return (
    <>
      {me.mfa?.required && (
        <p className="notice" role="note">
          Your role needs it: organization admin pages stay locked until you set it up.
        </p>
      )}
      {!start.data ? (
        <>
          <p>Use an authenticator app (for example one on your phone) to sign in with a code as well as your password.</p>
          {start.error && <ErrorMessage error={start.error} title="Setting up could not start" />}
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Set up an authenticator app'}
          </button>
        </>
      ) : (
        // focus follows the button that just went away, to the first step
        <ol className="steps" aria-label="Steps to set up an authenticator app" tabIndex={-1} ref={focusWhenShown}>
          <li>
            <p>Scan this code with your authenticator app:</p>
            <QrCode text={start.data.otpauthUri} label="QR code to add AgentCoach to an authenticator app" />
            <p>
              Or, on this device, <a href={start.data.otpauthUri}>open it in your authenticator app</a>; or type this key
              into the app:
            </p>
            <code className="secret" aria-label="Setup key">
              {groupSecret(start.data.secret)}
            </code>
            <CopyButton text={start.data.secret} label="Copy the key" />
          </li>
          <li>
            <p>Enter the 6-digit code the app now shows.</p>
            <CodeForm label="Code from your app" submitLabel="Turn on two-factor authentication" pending={confirm.isPending}
              error={confirm.error} onCode={(code) => confirm.mutate(code, { onSuccess: (data) => onEnrolled(data.recoveryCodes) })} />
          </li>
        </ol>
      )}
    </>
  );
}

function Manage({ me }: { me: Me }) {
  const renew = useNewRecoveryCodes();
  const disable = useDisableMfa();
  return (
    <>
      <p role="status" className="form-status">
        Two-factor authentication is on.
      </p>
      {me.mfa && !me.mfa.verified && (
        <div className="notice">
          <p>This session was signed in without your code. Sign in again with it to use the organization admin pages.</p>
          <button type="button" onClick={() => void signInAgain('/account/security')}>
            Sign in again with your code
          </button>
        </div>
      )}
      <h3>New recovery codes</h3>
      {renew.data ? (
        <RecoveryCodes codes={renew.data.recoveryCodes} />
      ) : (
        <CodeForm label="Code from your app, to get new recovery codes" submitLabel="Make new recovery codes"
          pending={renew.isPending} error={renew.error} onCode={(code) => renew.mutate(code)} />
      )}
      <h3>Turn off</h3>
      {me.mfa?.required ? (
        <p>Your role needs two-factor authentication, so it cannot be turned off.</p>
      ) : (
        <CodeForm label="Code from your app or a recovery code, to turn it off" submitLabel="Turn off two-factor authentication"
          pending={disable.isPending} error={disable.error} allowRecovery onCode={(code) => disable.mutate(code)} />
      )}
    </>
  );
}

/** Two-factor authentication of the signed-in person: set up, recovery codes, turn off. */
export function MfaSettings() {
  const { data: me, error, refetch } = useMe();
  // kept here: the profile refreshed after enrolling says "enabled" while the codes must stay on screen
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (recoveryCodes) {
    return <Enrolled codes={recoveryCodes} />;
  }
  if (error) {
    return <ErrorMessage error={error} title="Your account could not be loaded" onRetry={() => void refetch()} />;
  }
  if (!me) {
    return <Loading label="Loading your account" />;
  }
  if (!me.mfa) {
    return <p>This server does not offer two-factor authentication yet.</p>;
  }
  return me.mfa.enabled ? <Manage me={me} /> : <Enrol me={me} onEnrolled={setRecoveryCodes} />;
}
