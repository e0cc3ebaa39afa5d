import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormField, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { useSkillNames } from '../../../lib/content-index';
import { planQueryOptions, plansQueryKey } from '../api/plans';
import { useCrewRun } from '../utils/crew-run';
import { CrewProgress } from './crew-progress';

const MAX_GOAL = 1000;

/**
 * Asks the coach and mentor for a learning plan toward a goal in the learner's words and, if
 * picked, a skill; follows the crew while it writes, then opens the stored plan.
 */
export function NewPlanForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const skills = useSkillNames();
  const [goal, setGoal] = useState('');
  const [skill, setSkill] = useState('');
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, attempt);
  const { run, start, stop, retry, storedLater } = useCrewRun((plan) => {
    queryClient.setQueryData(planQueryOptions('PLAN', plan.id).queryKey, plan);
    void queryClient.invalidateQueries({ queryKey: plansQueryKey('PLAN') });
    navigate(`/plans/${encodeURIComponent(plan.id)}`);
  });
  const running = run.status === 'running';
  const tooLong = goal.trim().length > MAX_GOAL;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (tooLong) {
      setAttempt((n) => n + 1);
      return;
    }
    void start({ kind: 'PLAN', ...(goal.trim() ? { goal: goal.trim() } : {}), ...(skill ? { goalSkillId: skill } : {}) });
  }

  const sortedSkills = skills ? [...skills.entries()].sort((a, b) => a[1].localeCompare(b[1])) : [];
  return (
    <div className="new-plan">
      <form ref={form} className="card new-plan-form" onSubmit={onSubmit} aria-labelledby="new-plan-title" noValidate>
        <h2 id="new-plan-title">New plan</h2>
        <fieldset disabled={running} className="plain-fieldset">
          <FormField
            label="Your goal, in your words (optional)"
            hint="For example: build a support agent that uses tools safely. Without one, the goal you set on your dashboard is used."
            error={tooLong ? `Keep the goal to ${MAX_GOAL} characters (it has ${goal.trim().length}).` : undefined}
          >
            {(control) => <textarea {...control} rows={3} value={goal} onChange={(e) => setGoal(e.target.value)} />}
          </FormField>
          <FormField label="Goal skill (optional)" hint="The skill the plan leads to; the plan covers what it builds on.">
            {(control) => (
              <select {...control} value={skill} onChange={(e) => setSkill(e.target.value)}>
                <option value="">{skills ? 'Your stated goal, or the whole curriculum' : 'Loading the skills…'}</option>
                {sortedSkills.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="actions">
            <button type="submit">{running ? 'Writing the plan…' : 'Write my plan'}</button>
          </div>
        </fieldset>
      </form>
      <CrewProgress run={run} kind="PLAN" onStop={stop} onRetry={retry} storedLater={storedLater} />
    </div>
  );
}
