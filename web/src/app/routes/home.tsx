import { Link } from 'react-router';
import { ServerStatus } from '../../features/health/components/server-status';

export function HomeRoute() {
  return (
    <section aria-labelledby="home-title" className="page">
      <h1 id="home-title">Learn to build agents that work</h1>
      <p>
        AgentCoach places you with a short assessment, gives you a personal learning path through
        lessons and hands-on exercises graded in a sandbox, and pairs you with a coach that knows the
        curriculum, your code and your progress.
      </p>
      <p>
        <Link className="button" to="/login">
          Sign in to start
        </Link>
      </p>
      <ServerStatus />
    </section>
  );
}
