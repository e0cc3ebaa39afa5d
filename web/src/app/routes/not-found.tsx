import { Link } from 'react-router';

export function NotFoundRoute() {
  return (
    <section aria-labelledby="nf-title" className="page">
      <h1 id="nf-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the start page</Link>.
      </p>
    </section>
  );
}
