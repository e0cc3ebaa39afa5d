import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import { CoachPanel, type CoachRequest } from '../../features/coach/components/coach-panel';
import type { Section } from '../../features/lessons/api/get-lesson';
import { LessonReader } from '../../features/lessons/components/lesson-reader';
import { useContentIndex } from '../../lib/content-index';
import { CoachDock } from '../components/coach-dock';

export function LessonRoute() {
  const { lessonId = '' } = useParams();
  const index = useContentIndex();
  const [coachOpen, setCoachOpen] = useState(false);
  const [request, setRequest] = useState<CoachRequest | null>(null);

  const askAboutSection = useCallback((section: Section, lessonTitle: string) => {
    setCoachOpen(true);
    setRequest({ id: Date.now(), text: `Explain the section “${section.title}” of the lesson “${lessonTitle}”.` });
  }, []);

  return (
    <div className={`with-coach ${coachOpen ? 'coach-open' : ''}`}>
      <div className="with-coach-main">
        <AsyncSection key={lessonId} loadingLabel="Loading the lesson" errorTitle="The lesson could not be loaded">
          <LessonReader lessonId={lessonId} onAskAboutSection={askAboutSection} />
        </AsyncSection>
      </div>
      <CoachDock open={coachOpen} onToggle={setCoachOpen}>
        <CoachPanel key={lessonId} scope={{ lessonId, title: index?.lessons.get(lessonId) ?? lessonId }} request={request} />
      </CoachDock>
    </div>
  );
}
