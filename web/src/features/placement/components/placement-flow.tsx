import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AnswerInput } from '../../../components/ui/answer-input';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { MasteryBar } from '../../../components/ui/mastery-bar';
import { useSkillNames } from '../../../lib/content-index';
import { useAnswerPlacement, usePlacement, useStartPlacement, type Placement } from '../api/placement';

function Question({ placement }: { placement: Placement }) {
  const id = useId();
  const question = placement.question!;
  const [answer, setAnswer] = useState('');
  const answering = useAnswerPlacement();
  const heading = useRef<HTMLHeadingElement>(null);

  // each new question takes the focus, so keyboard and screen-reader users start reading it
  useEffect(() => {
    setAnswer('');
    heading.current?.focus();
  }, [question.itemId]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (answer.trim() !== '') {
      answering.mutate({ itemId: question.itemId, answer });
    }
  }

  const number = placement.asked + 1;
  return (
    <form className="card placement-question" onSubmit={onSubmit} aria-labelledby={`${id}-q`}>
      <p className="eyebrow">
        Question {number} of at most {placement.maxItems}
      </p>
      <progress max={placement.maxItems} value={placement.asked} aria-label="Placement progress" />
      <fieldset disabled={answering.isPending}>
        <legend>
          <h2 id={`${id}-q`} ref={heading} tabIndex={-1}>
            {question.prompt}
          </h2>
        </legend>
        <AnswerInput options={question.options} choice={question.type === 'choice'} value={answer} onChange={setAnswer} maxLength={1000} />
        <button type="submit" disabled={answer.trim() === ''}>
          {answering.isPending ? 'Saving…' : 'Answer'}
        </button>
      </fieldset>
      <p className="muted small">Answers are not marked here: the placement only estimates where to start. If you don&apos;t know, pick your best guess.</p>
      {answering.error && <ErrorMessage error={answering.error} title="Your answer could not be saved" />}
    </form>
  );
}

function Result({ placement }: { placement: Placement }) {
  const names = useSkillNames();
  const start = useStartPlacement();
  const estimates = Object.entries(placement.estimates).sort(([, a], [, b]) => b - a);
  return (
    <div className="card placement-result" aria-live="polite">
      <h2>{placement.status === 'SKIPPED' ? 'You start from the beginning' : 'Placement finished'}</h2>
      {placement.status === 'FINISHED' && (
        <p>
          You answered {placement.asked} {placement.asked === 1 ? 'question' : 'questions'}. Your path now starts from what you
          already know.
        </p>
      )}
      {estimates.length > 0 && (
        <div className="mastery-list" aria-label="Estimated mastery per skill" role="group">
          {estimates.map(([skill, mastery]) => (
            <MasteryBar key={skill} label={names?.get(skill) ?? skill} proficiency={mastery * 100} />
          ))}
        </div>
      )}
      <p className="actions">
        <Link className="button" to="/dashboard">
          Go to your dashboard
        </Link>{' '}
        <button type="button" className="button secondary" onClick={() => start.mutate(false)} disabled={start.isPending}>
          Take the placement again
        </button>
      </p>
      {start.error && <ErrorMessage error={start.error} title="The placement could not start" />}
    </div>
  );
}

/** The placement assessment: a few check questions chosen one by one to estimate each skill. */
export function PlacementFlow() {
  const placement = usePlacement();
  const start = useStartPlacement();
  if (placement.isPending) {
    return <Loading label="Loading your placement" />;
  }
  if (placement.isError) {
    return <ErrorMessage error={placement.error} title="Your placement could not be loaded" onRetry={() => placement.refetch()} />;
  }
  const current = placement.data;
  if (current?.status === 'IN_PROGRESS' && current.question) {
    return <Question key={current.id} placement={current} />;
  }
  if (current) {
    return <Result placement={current} />;
  }
  return (
    <div className="card placement-intro">
      <h2>Find your starting point</h2>
      <p>
        Answer a short series of questions from the lessons. Each answer picks the next question, and the result sets where
        your learning path starts. It takes a few minutes.
      </p>
      <p className="actions">
        <button type="button" onClick={() => start.mutate(false)} disabled={start.isPending}>
          Start the placement
        </button>{' '}
        <button type="button" className="button secondary" onClick={() => start.mutate(true)} disabled={start.isPending}>
          Skip it and start from zero
        </button>
      </p>
      {start.error && <ErrorMessage error={start.error} title="The placement could not start" />}
    </div>
  );
}
