import { useRef, useState, type FormEvent } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { fieldErrors } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { invitationLink, ROLE_LABELS_FOR_INVITE, useCreateInvitation } from '../api/invitations';
import { ROLE_LABELS, ROLES, type MemberRole } from '../api/members';

/**
 * Invites someone by email with a role. The answer carries the invitation's token once: the
 * page shows the link to pass on (this server sends no invitation emails).
 */
export function InviteForm({ organizationId }: { organizationId: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('learner');
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const invite = useCreateInvitation(organizationId);
  useFocusFirstInvalid(form, attempt);
  const serverEmailError = fieldErrors(invite.error).email;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Enter an email address like name@example.com.');
      setAttempt((n) => n + 1);
      return;
    }
    invite.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail('') });
  }


  const link = invite.data ? invitationLink(invite.data.token) : null;
  return (
    <>
      <form ref={form} className="form invite-form" onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <FormField label="Email" error={error ?? (serverEmailError && `Email ${serverEmailError}.`)}>
          {(control) => (
            <input {...control} type="email" autoComplete="off" value={email}
              onChange={(e) => { setEmail(e.target.value); setError(undefined); }} />
          )}
        </FormField>
        <FormField label="Role" hint={ROLE_LABELS_FOR_INVITE[role]}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {invite.error && !serverEmailError && <ErrorMessage error={invite.error} title="The invitation was not created" />}
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Create invitation'}
        </button>
      </form>
      {invite.data && link && (
        <div className="success-panel" tabIndex={-1} ref={(node) => node?.focus()}>
          <h3>Invitation for {invite.data.email} created</h3>
          <p>
            Send this link to them; it works once, for that email address, until {formatDate(invite.data.expiresAt)}. It is
            not shown again.
          </p>
          <code className="secret" aria-label="Invitation link">
            {link}
          </code>
          <CopyButton text={link} label="Copy the link" />
        </div>
      )}
    </>
  );
}
