import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import './forms.css';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

type Props = {
  label: ReactNode;
  /** The problem with the value, as a sentence; linked to the control so screen readers read it. */
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled form control with its hint and error, both tied to it with aria-describedby. */
export function FormField({ label, error, hint, className, children }: Props) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Moves focus to the first invalid control of {@code form} each time {@code attempt} grows (one
 * per refused submission), so a keyboard or screen-reader user lands on what needs fixing.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number) {
  const seen = useRef(attempt);
  useEffect(() => {
    if (attempt !== seen.current) {
      seen.current = attempt;
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [attempt, form]);
}

/** The "what you typed" messages of a form, one per field, from its own checks. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}
