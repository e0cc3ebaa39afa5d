import { useRef, useState, type FormEvent } from 'react';
import { AsyncSection } from '../../../components/errors/async-section';
import { DataTable } from '../../../components/ui/data-table';
import { FormField, useFocusFirstInvalid } from '../../../components/ui/form-field';
import { formatDate, formatNumber, formatUsd } from '../../../lib/format';
import { currentMonth, useUsage, type Usage, type UsagePeriod } from '../api/usage';
import { BarChart, Meter } from './charts';

function BudgetSummary({ budget }: { budget: Usage['budget'] }) {
  const { monthlyBudgetUsd: limit, spentThisMonthUsd: spent } = budget;
  return (
    <div className="budget-summary card">
      <h3>This month</h3>
      {limit === null ? (
        <p>
          {formatUsd(spent)} spent; the organization has no budget of its own (the server&apos;s default applies).
        </p>
      ) : (
        <Meter value={spent} max={limit} label="Budget used this month" text={`${formatUsd(spent)} of ${formatUsd(limit)}`} />
      )}
      {spent > (limit ?? Infinity) && <p role="alert">The monthly budget is used up: the coach falls back as the budget settings say.</p>}
      <p className="muted">
        Daily allowance per learner:{' '}
        {budget.dailyAllowancePerLearnerUsd === null ? 'the server’s default' : formatUsd(budget.dailyAllowancePerLearnerUsd)}
      </p>
    </div>
  );
}

function Breakdown({ title, rows }: { title: string; rows: { key: string; name: string; messages: number; inputTokens: number; outputTokens: number; costUsd: number }[] }) {
  return (
    <DataTable label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title.startsWith('By member') ? 'Member' : 'Model'}</th>
          <th scope="col" className="num">Messages</th>
          <th scope="col" className="num">Tokens in</th>
          <th scope="col" className="num">Tokens out</th>
          <th scope="col" className="num">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5}>Nothing in this period.</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="num">{formatNumber(row.messages)}</td>
              <td className="num">{formatNumber(row.inputTokens)}</td>
              <td className="num">{formatNumber(row.outputTokens)}</td>
              <td className="num">{formatUsd(row.costUsd)}</td>
            </tr>
          ))
        )}
      </tbody>
    </DataTable>
  );
}

function UsageFigures({ period }: { period: UsagePeriod }) {
  const { data: usage } = useUsage(period);
  const total = usage.byDay.reduce((sum, day) => sum + day.costUsd, 0);
  const messages = usage.byDay.reduce((sum, day) => sum + day.messages, 0);
  const points = usage.byDay.map((day) => ({ label: day.date.slice(5), value: day.costUsd }));
  return (
    <div className="stack">
      <BudgetSummary budget={usage.budget} />
      <BarChart title="Cost per day" valueLabel="Cost (USD)" format={formatUsd} points={points}
        summary={`${formatUsd(total)} for ${formatNumber(messages)} coach messages from ${formatDate(usage.from)} to ${formatDate(usage.to)}.`} />
      <Breakdown title="By member" rows={usage.byMember.map((m) => ({ key: m.userId, name: m.displayName, ...m }))} />
      <Breakdown title="By model" rows={usage.byModel.map((m) => ({ key: m.model, name: m.model, ...m }))} />
    </div>
  );
}

/** Coach usage and its cost over a chosen period (the current month unless another is chosen). */
export function UsageReport() {
  const form = useRef<HTMLFormElement>(null);
  const [period, setPeriod] = useState<UsagePeriod>(() => currentMonth());
  const [draft, setDraft] = useState<UsagePeriod>(period);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) {
      setError('Choose a first day that is not after the last day.');
      setAttempt((n) => n + 1);
      return;
    }
    setError(undefined);
    setPeriod(draft);
  }

  return (
    <>
      <form ref={form} className="period-form" onSubmit={onSubmit} noValidate aria-label="Period">
        <FormField label="From" error={error}>
          {(control) => <input {...control} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
        </FormField>
        <FormField label="To">
          {(control) => <input {...control} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
        </FormField>
        <button type="submit">Show</button>
      </form>
      <AsyncSection loadingLabel="Loading the usage" errorTitle="The usage could not be loaded">
        <UsageFigures period={period} />
      </AsyncSection>
    </>
  );
}
