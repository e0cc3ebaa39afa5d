import { useEffect } from 'react';
import { Dashboard } from '../../features/dashboard/components/dashboard';
import { PlacementCallout } from '../../features/placement/components/placement-callout';

export function DashboardRoute() {
  useEffect(() => {
    document.title = 'Dashboard · AgentCoach';
  }, []);
  return (
    <section aria-labelledby="dashboard-title" className="page">
      <h1 id="dashboard-title">Your dashboard</h1>
      <PlacementCallout />
      <Dashboard />
    </section>
  );
}
