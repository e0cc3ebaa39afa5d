import { Link } from 'react-router';
import { usePlacement } from '../api/placement';

/** Invites a learner who has not been placed yet (or is halfway through) to the placement. */
export function PlacementCallout() {
  const placement = usePlacement();
  if (placement.isPending || placement.isError || placement.data?.status === 'FINISHED' || placement.data?.status === 'SKIPPED') {
    return null;
  }
  const inProgress = placement.data?.status === 'IN_PROGRESS';
  return (
    <div className="callout">
      <p>
        {inProgress
          ? 'Your placement is halfway done: finish it so your path starts at the right place.'
          : 'New here? A short placement finds what you already know and where your path should start.'}
      </p>
      <Link className="button" to="/placement">
        {inProgress ? 'Continue the placement' : 'Take the placement'}
      </Link>
    </div>
  );
}
