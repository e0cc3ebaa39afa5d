import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a screen itself cannot load (for example its code chunk after a redeploy). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `The page answered ${error.status} ${error.statusText}.`
    : 'This page could not be loaded. Check your connection, then reload.';
  return (
    <section className="page" aria-labelledby="route-error-title">
      <h1 id="route-error-title">Something went wrong</h1>
      <p role="alert">{message}</p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <Link to="/">Go to the catalogue</Link>
      </p>
    </section>
  );
}
