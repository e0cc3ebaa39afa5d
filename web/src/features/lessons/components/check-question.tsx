import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AnswerInput } from '../../../components/ui/answer-input';
import { ErrorMessage } from '../../../components/ui/error-message';
import { ApiError } from '../../../lib/api-client';
import { useAnswerCheck } from '../api/answer-check';
import type { Check } from '../api/get-lesson';

/** One check question: the learner answers, the server grades and explains. */
export function CheckQuestion({ lessonId, check, number }: { lessonId: string; check: Check; number: number }) {
  const id = useId();
  const [answer, setAnswer] = useState('');
  const grading = useAnswerCheck();
  const result = grading.data;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (answer.trim() === '') {
      return;
    }
    grading.mutate({ lessonId, checkId: check.id, answer });
  }

  function onChange(value: string) {
    setAnswer(value);
    if (grading.data || grading.error) {
      grading.reset();
    }
  }

  return (
    <form className="card check" onSubmit={onSubmit} aria-labelledby={`${id}-prompt`}>
      <fieldset disabled={grading.isPending}>
        <legend id={`${id}-prompt`}>
          <span className="check-number">Question {number}.</span> {check.prompt}
        </legend>
        <AnswerInput options={check.options} choice={check.type === 'CHOICE'} value={answer} onChange={onChange} maxLength={500} />
        <button type="submit" disabled={answer.trim() === ''}>
          {grading.isPending ? 'Checking…' : 'Check answer'}
        </button>
      </fieldset>
      <div aria-live="polite">
        {result && (
          <div className={`check-result ${result.correct ? 'correct' : 'incorrect'}`}>
            <p className="check-verdict">{result.correct ? 'Correct.' : 'Not quite.'}</p>
            <p>{result.explanation}</p>
          </div>
        )}
      </div>
      {grading.error instanceof ApiError && grading.error.status === 401 ? (
        <p className="notice" role="alert">
          Answers are checked for signed-in learners. <Link to="/login">Sign in</Link> to have yours checked.
        </p>
      ) : (
        grading.error && <ErrorMessage error={grading.error} title="Your answer could not be checked" />
      )}
    </form>
  );
}
