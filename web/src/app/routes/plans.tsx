import { Link, useParams } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import { RequireSignIn } from '../../features/auth/components/require-sign-in';
import type { PlanKind } from '../../features/plans/api/plans';
import { NewPlanForm } from '../../features/plans/components/new-plan-form';
import { PlanView } from '../../features/plans/components/plan-view';
import { PlansList } from '../../features/plans/components/plans-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** The learner's learning plans and code reviews, and a form to ask for a new plan. */
export function PlansRoute() {
  useDocumentTitle('Plans');
  return (
    <section aria-labelledby="plans-title" className="page plans-page">
      <h1 id="plans-title">Plans</h1>
      <p className="lead">
        Learning plans and code reviews written for you by two agents: the coach drafts, the mentor checks the draft against the
        skill graph (or, for a review, that it teaches rather than solves).
      </p>
      <RequireSignIn what="your plans">
        <NewPlanForm />
        <section aria-labelledby="plans-list-title" className="plans-list-section">
          <h2 id="plans-list-title">Your plans and reviews</h2>
          <AsyncSection loadingLabel="Loading your plans" errorTitle="Your plans could not be loaded">
            <PlansList />
          </AsyncSection>
        </section>
      </RequireSignIn>
    </section>
  );
}

function StoredDocumentRoute({ kind }: { kind: PlanKind }) {
  const { id = '' } = useParams();
  const what = kind === 'PLAN' ? 'plan' : 'review';
  useDocumentTitle(kind === 'PLAN' ? 'Plan' : 'Review');
  return (
    <div className="page plan-page">
      <p className="back-link">
        <Link to="/plans">← All plans and reviews</Link>
      </p>
      <RequireSignIn what={`this ${what}`}>
        <AsyncSection key={id} loadingLabel={`Loading the ${what}`} errorTitle={`The ${what} could not be loaded`}>
          <PlanView kind={kind} id={id} />
        </AsyncSection>
      </RequireSignIn>
    </div>
  );
}

export function PlanRoute() {
  return <StoredDocumentRoute kind="PLAN" />;
}

export function ReviewRoute() {
  return <StoredDocumentRoute kind="REVIEW" />;
}
