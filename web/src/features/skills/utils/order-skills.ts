import type { Skill } from '../api/get-skills';

/**
 * Orders skills so that each comes after its prerequisites, keeping the server's order among
 * skills that do not depend on each other. Prerequisites that are not in the list are ignored;
 * a cycle (which the server rejects when it loads content) would leave its skills at the end.
 */
export function orderByPrerequisites(skills: Skill[]): Skill[] {
  const known = new Set(skills.map((s) => s.id));
  const placed = new Set<string>();
  const ordered: Skill[] = [];
  let remaining = skills;
  while (remaining.length > 0) {
    const ready = remaining.filter((s) => s.prerequisites.every((p) => !known.has(p) || placed.has(p)));
    if (ready.length === 0) {
      return [...ordered, ...remaining];
    }
    for (const skill of ready) {
      placed.add(skill.id);
      ordered.push(skill);
    }
    remaining = remaining.filter((s) => !placed.has(s.id));
  }
  return ordered;
}
