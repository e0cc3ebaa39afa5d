import { useId } from 'react';

type Props = {
  /** The choices of a choice question; none for a short answer. */
  options: string[];
  choice: boolean;
  /** A choice's answer is the option's index as text, a short answer the text typed. */
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
};

/** The answer to a check question: one radio per option, or a labelled text field. */
export function AnswerInput({ options, choice, value, onChange, maxLength }: Props) {
  const id = useId();
  if (choice) {
    return (
      <div className="options">
        {options.map((option, index) => (
          <label key={option} className="option">
            <input
              type="radio"
              name={`${id}-answer`}
              value={String(index)}
              checked={value === String(index)}
              onChange={(e) => onChange(e.target.value)}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
    );
  }
  return (
    <div className="short-answer">
      <label htmlFor={`${id}-text`}>Your answer</label>
      <input id={`${id}-text`} type="text" maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
