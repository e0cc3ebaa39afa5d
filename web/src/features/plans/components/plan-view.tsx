import { usePlan, type PlanKind } from '../api/plans';
import { PlanDocument } from './plan-document';

/** One stored plan or review, read from the server (another learner's is "not found"). */
export function PlanView({ kind, id }: { kind: PlanKind; id: string }) {
  const { data: plan } = usePlan(kind, id);
  return <PlanDocument plan={plan} />;
}
