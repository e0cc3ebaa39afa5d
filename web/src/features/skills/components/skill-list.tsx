import { useSkills } from '../api/get-skills';
import { orderByPrerequisites } from '../utils/order-skills';

/** The skill graph as a list in learning order, each skill linking to what it builds on. */
export function SkillList() {
  const { data: skills } = useSkills();
  const names = new Map(skills.map((s) => [s.id, s.name]));
  const ordered = orderByPrerequisites(skills);
  if (ordered.length === 0) {
    return <p className="muted">No skills are defined on this server yet.</p>;
  }
  return (
    <ol className="skill-list">
      {ordered.map((skill) => (
        <li key={skill.id} id={`skill-${skill.id}`} className="card skill">
          <h2>{skill.name}</h2>
          <p>{skill.description}</p>
          {skill.prerequisites.length > 0 ? (
            <p className="prereqs">
              <span className="muted">Builds on: </span>
              {skill.prerequisites.map((id, index) => (
                <span key={id}>
                  {index > 0 && ', '}
                  <a href={`#skill-${id}`}>{names.get(id) ?? id}</a>
                </span>
              ))}
            </p>
          ) : (
            <p className="prereqs muted">A starting point: no prerequisites.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
