import { errorSentence } from '../../lib/api-client';

type Props = { error: unknown; title?: string; onRetry?: () => void };

/** An error shown in place of the section it broke, with a way to try again. */
export function ErrorMessage({ error, title = 'This part could not be shown', onRetry }: Props) {
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      <p>{errorSentence(error)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
