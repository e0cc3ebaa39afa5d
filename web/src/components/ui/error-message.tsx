import { Link } from 'react-router';
import { ApiError, errorSentence } from '../../lib/api-client';

type Props = { error: unknown; title?: string; onRetry?: () => void };

/** An error shown in place of the section it broke, with a way to try again. */
export function ErrorMessage({ error, title = 'This part could not be shown', onRetry }: Props) {
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      <p>{errorSentence(error)}</p>
      {error instanceof ApiError && error.status === 401 && (
        <p>
          <Link to="/login">Sign in</Link> to continue.
        </p>
      )}
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
