import { useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, hasErrors, useFocusFirstInvalid, type FieldErrors } from '../../../components/ui/form-field';
import { fieldErrors, isProblem } from '../../../lib/api-client';
import { useChangePassword } from '../api/change-password';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './sign-up-form';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/** Changes the signed-in person's password, given the current one. */
export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [attempt, setAttempt] = useState(0);
  const change = useChangePassword();
  useFocusFirstInvalid(form, attempt);

  // the server's refusals that belong to one field go beside it; anything else below the form
  const server = fieldErrors(change.error);
  const serverErrors: FieldErrors<Field> = {
    currentPassword: isProblem(change.error, 'wrong-password') ? change.error.message : server.currentPassword,
    newPassword: server.newPassword,
  };
  const shown: FieldErrors<Field> = {
    currentPassword: errors.currentPassword ?? serverErrors.currentPassword,
    newPassword: errors.newPassword ?? serverErrors.newPassword,
    repeat: errors.repeat,
  };
  const otherError = change.error !== null && !hasErrors(serverErrors);

  function edit(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    if (change.error) {
      change.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      currentPassword: values.currentPassword === '' ? 'Enter your current password.' : undefined,
      newPassword: passwordProblem(values.newPassword),
      repeat: values.repeat === values.newPassword ? undefined : 'The two passwords differ.',
    };
    setErrors(found);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => setValues(EMPTY),
        // a refused field gets the focus, as with the form's own checks
        onError: () => setAttempt((n) => n + 1),
      },
    );
  }

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
      <FormField label="Current password" error={shown.currentPassword}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" value={values.currentPassword}
            onChange={(e) => edit('currentPassword', e.target.value)} />
        )}
      </FormField>
      <FormField label="New password" error={shown.newPassword} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={values.newPassword}
            onChange={(e) => edit('newPassword', e.target.value)} />
        )}
      </FormField>
      <FormField label="Repeat the new password" error={shown.repeat}>
        {(control) => (
          <input {...control} type="password" autoComplete="new-password" value={values.repeat}
            onChange={(e) => edit('repeat', e.target.value)} />
        )}
      </FormField>
      {otherError && <ErrorMessage error={change.error} title="Your password was not changed" />}
      <p role="status" className="form-status">
        {change.isSuccess ? 'Your password has been changed.' : ''}
      </p>
      <button type="submit" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
