import { useEffect } from 'react';
import { AsyncSection } from '../../components/errors/async-section';
import { SkillList } from '../../features/skills/components/skill-list';

export function SkillsRoute() {
  useEffect(() => {
    document.title = 'Skills · AgentCoach';
  }, []);
  return (
    <section aria-labelledby="skills-title" className="page">
      <h1 id="skills-title">Skills</h1>
      <p className="lead">
        What the curriculum teaches, in an order you can learn it: each skill builds on the ones linked under it.
      </p>
      <AsyncSection loadingLabel="Loading the skills" errorTitle="The skills could not be loaded">
        <SkillList />
      </AsyncSection>
    </section>
  );
}
