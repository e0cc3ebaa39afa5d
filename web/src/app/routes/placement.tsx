import { useEffect } from 'react';
import { PlacementFlow } from '../../features/placement/components/placement-flow';

export function PlacementRoute() {
  useEffect(() => {
    document.title = 'Placement · AgentCoach';
  }, []);
  return (
    <section aria-labelledby="placement-title" className="page narrow-wide">
      <h1 id="placement-title">Placement</h1>
      <PlacementFlow />
    </section>
  );
}
