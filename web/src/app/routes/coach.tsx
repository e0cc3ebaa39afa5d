import { useEffect } from 'react';
import { CoachPanel } from '../../features/coach/components/coach-panel';

export function CoachRoute() {
  useEffect(() => {
    document.title = 'Coach · AgentCoach';
  }, []);
  return (
    <div className="page coach-page">
      <h1>Coach</h1>
      <p className="lead">Your conversations with the coach, about any lesson or exercise. Answers cite the lessons they come from.</p>
      <CoachPanel heading="Conversation" />
    </div>
  );
}
