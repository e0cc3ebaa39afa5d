import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import type { LearnerContext } from '../../features/coach/api/coaching';
import { CoachPanel, type CoachRequest } from '../../features/coach/components/coach-panel';
import type { CodeQuestion } from '../../features/exercises/components/draft-editor';
import { ExerciseWorkspace } from '../../features/exercises/components/exercise-workspace';
import type { Submission, Verdict } from '../../features/practice/api/practice';
import { PracticePanel } from '../../features/practice/components/practice-panel';
import { ReviewSubmission } from '../../features/plans/components/review-submission';
import { useContentIndex } from '../../lib/content-index';
import { CoachDock } from '../components/coach-dock';

const MAX_QUOTED_CODE = 4000;

function codeQuestion(question: CodeQuestion): string {
  const lines = question.fromLine === question.toLine ? `line ${question.fromLine}` : `lines ${question.fromLine}–${question.toLine}`;
  const quoted = question.text.length > MAX_QUOTED_CODE ? `${question.text.slice(0, MAX_QUOTED_CODE)}\n…` : question.text;
  return `About ${lines} of my solution:\n\`\`\`python\n${quoted}\n\`\`\`\nWhat does it do wrong, and what should I look at?`;
}

// the coach and mentor review a graded submission (features/plans), from the submission history
const reviewAction = (submission: Submission) => (
  <ReviewSubmission key={submission.id} submissionId={submission.id} attemptNumber={submission.attemptNumber} />
);

export function ExerciseRoute() {
  const { exerciseId = '' } = useParams();
  const index = useContentIndex();
  const [code, setCode] = useState('');
  const [coachOpen, setCoachOpen] = useState(false);
  const [request, setRequest] = useState<CoachRequest | null>(null);
  const [context, setContext] = useState<LearnerContext>({ exerciseId });

  const askAboutCode = useCallback((question: CodeQuestion) => {
    setCoachOpen(true);
    setRequest({ id: Date.now(), text: codeQuestion(question) });
  }, []);

  // the coach hears about the failing tests of the latest run or submission
  const onVerdict = useCallback(
    (verdict: Verdict) =>
      setContext({
        exerciseId,
        failures: verdict.tests.filter((t) => !t.passed).map((t) => ({ test: t.name, message: t.message ?? '' })),
      }),
    [exerciseId],
  );

  return (
    <div className={`with-coach ${coachOpen ? 'coach-open' : ''}`}>
      <div className="with-coach-main">
        <AsyncSection key={exerciseId} loadingLabel="Loading the exercise" errorTitle="The exercise could not be loaded">
          <ExerciseWorkspace
            exerciseId={exerciseId}
            onCodeChange={setCode}
            onAskAboutCode={askAboutCode}
            actions={<PracticePanel exerciseId={exerciseId} code={code} onVerdict={onVerdict} gradedAction={reviewAction} />}
          />
        </AsyncSection>
      </div>
      <CoachDock open={coachOpen} onToggle={setCoachOpen}>
        <CoachPanel
          key={exerciseId}
          scope={{ exerciseId, title: index?.exercises.get(exerciseId) ?? exerciseId }}
          request={request}
          context={context}
        />
      </CoachDock>
    </div>
  );
}
