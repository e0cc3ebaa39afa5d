import { Link, useSearchParams } from 'react-router';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { safeReturnTo } from '../../lib/auth/sign-in';

export function SignUpRoute() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  return (
    <section aria-labelledby="signup-title" className="page narrow-wide">
      <h1 id="signup-title">Create an account</h1>
      <p className="lead">Learn to build agents that work: lessons, graded exercises and a coach that knows your code.</p>
      <SignUpForm returnTo={returnTo} />
      <p>
        Already have an account? <Link to={`/login${returnTo !== '/' ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`}>Sign in</Link>
      </p>
    </section>
  );
}
