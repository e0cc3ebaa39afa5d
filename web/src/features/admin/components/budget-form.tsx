import { useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { FormField, hasErrors, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { fieldErrors } from '../../../lib/api-client';
import { usePolicy, useSavePolicy, type Policy } from '../api/budget-policy';

type Draft = { monthlyBudgetUsd: string; learnerDailyUsd: string; offlineFallback: '' | 'yes' | 'no'; preferredModel: string };
type Errors = Partial<Record<keyof Draft, string>>;

const amount = (value: number | null) => (value === null ? '' : String(value));

function toDraft(policy: Policy): Draft {
  return {
    monthlyBudgetUsd: amount(policy.monthlyBudgetUsd),
    learnerDailyUsd: amount(policy.learnerDailyUsd),
    offlineFallback: policy.offlineFallback === null ? '' : policy.offlineFallback ? 'yes' : 'no',
    preferredModel: policy.preferredModel ?? '',
  };
}

function parseAmount(text: string, max: number): number | null | string {
  if (text.trim() === '') {
    return null;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    return 'Enter an amount in dollars, 0 or more, or leave it empty.';
  }
  return value > max ? `Enter at most ${max.toLocaleString()} dollars.` : Math.round(value * 100) / 100;
}

/** The coach's budgets for the organization; empty fields keep the server's defaults. */
export function BudgetForm() {
  const { data: policy } = usePolicy();
  const save = useSavePolicy();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => toDraft(policy));
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);
  const server = fieldErrors(save.error);

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const monthly = parseAmount(draft.monthlyBudgetUsd, 1_000_000);
    const daily = parseAmount(draft.learnerDailyUsd, 100_000);
    const found: Errors = {
      monthlyBudgetUsd: typeof monthly === 'string' ? monthly : undefined,
      learnerDailyUsd: typeof daily === 'string' ? daily : undefined,
      preferredModel: draft.preferredModel.length > 200 ? 'Use at most 200 characters.' : undefined,
    };
    setErrors(found);
    if (hasErrors(found)) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({
      monthlyBudgetUsd: monthly as number | null,
      learnerDailyUsd: daily as number | null,
      offlineFallback: draft.offlineFallback === '' ? null : draft.offlineFallback === 'yes',
      preferredModel: draft.preferredModel.trim() || null,
    });
  }

  const serverError = (field: keyof Draft) => (server[field] ? `This ${server[field]}.` : undefined);
  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate aria-labelledby="budget-title">
      <h2 id="budget-title">Budgets</h2>
      <FormField label="Monthly budget for the organization (USD)" error={errors.monthlyBudgetUsd ?? serverError('monthlyBudgetUsd')}
        hint="What the coach's model calls may cost per calendar month. Empty: the server's default.">
        {(control) => (
          <input {...control} inputMode="decimal" value={draft.monthlyBudgetUsd} onChange={(e) => set('monthlyBudgetUsd', e.target.value)} />
        )}
      </FormField>
      <FormField label="Daily allowance per learner (USD)" error={errors.learnerDailyUsd ?? serverError('learnerDailyUsd')}
        hint="What one learner's questions may cost per day. Empty: the server's default.">
        {(control) => (
          <input {...control} inputMode="decimal" value={draft.learnerDailyUsd} onChange={(e) => set('learnerDailyUsd', e.target.value)} />
        )}
      </FormField>
      <FormField label="Past a budget" hint="Whether the offline coach (no model calls, no cost) answers instead.">
        {(control) => (
          <select {...control} value={draft.offlineFallback} onChange={(e) => set('offlineFallback', e.target.value as Draft['offlineFallback'])}>
            <option value="">The server's default</option>
            <option value="yes">The offline coach answers</option>
            <option value="no">The coach stops answering</option>
          </select>
        )}
      </FormField>
      <FormField label="Preferred model (optional)" error={errors.preferredModel ?? serverError('preferredModel')}>
        {(control) => (
          <input {...control} maxLength={200} value={draft.preferredModel} onChange={(e) => set('preferredModel', e.target.value)} />
        )}
      </FormField>
      {save.error && !hasErrors(server) && <ErrorMessage error={save.error} title="The budgets were not saved" />}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save budgets'}
        </button>
        <p role="status" className="form-status">
          {save.isSuccess ? 'Budgets saved.' : ''}
        </p>
      </div>
    </form>
  );
}
