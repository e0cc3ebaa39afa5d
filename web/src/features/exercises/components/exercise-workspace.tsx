import { useEffect, type ReactNode } from 'react';
import { CodeBlock } from '../../../components/ui/code-block';
import { EffortBadges } from '../../../components/ui/difficulty';
import { RenderedHtml } from '../../../components/ui/rendered-html';
import { useExercise } from '../api/get-exercise';
import { DraftEditor, type CodeQuestion } from './draft-editor';
import { HintList } from './hint-list';

type Props = {
  exerciseId: string;
  onCodeChange?: (code: string) => void;
  onAskAboutCode?: (question: CodeQuestion) => void;
  /** Shown under the editor: running, submitting and their results. */
  actions?: ReactNode;
};

/** An exercise: statement, the learner's code (drafts kept in the browser), hints and public tests. */
export function ExerciseWorkspace({ exerciseId, onCodeChange, onAskAboutCode, actions }: Props) {
  const { data: exercise } = useExercise(exerciseId);

  useEffect(() => {
    document.title = `${exercise.title} · AgentCoach`;
  }, [exercise.title]);

  return (
    <div className="exercise-layout">
      <article className="exercise-statement prose" aria-labelledby="exercise-title">
        <header>
          <p className="eyebrow">Exercise</p>
          <h1 id="exercise-title">{exercise.title}</h1>
          <EffortBadges difficulty={exercise.difficulty} minutes={exercise.minutes} />
        </header>
        <RenderedHtml html={exercise.statementHtml} />
        <section aria-labelledby="hints-title">
          <h2 id="hints-title">Hints</h2>
          <HintList exerciseId={exercise.id} hintCount={exercise.hintCount} />
        </section>
      </article>
      <div className="exercise-work">
        <section aria-labelledby="code-title">
          <h2 id="code-title">Your solution</h2>
          <DraftEditor
            key={exercise.id}
            exerciseId={exercise.id}
            starterCode={exercise.starterCode}
            onCodeChange={onCodeChange}
            onAskAboutCode={onAskAboutCode}
          />
          {actions}
        </section>
        <section aria-labelledby="tests-title">
          <h2 id="tests-title">Public tests</h2>
          <p className="muted">Your solution is graded with these tests and further hidden ones.</p>
          <CodeBlock code={exercise.publicTests} language={exercise.language} label="Public tests" />
        </section>
      </div>
    </div>
  );
}
