import { useParams } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import { LessonReader } from '../../features/lessons/components/lesson-reader';

export function LessonRoute() {
  const { lessonId = '' } = useParams();
  return (
    <AsyncSection key={lessonId} loadingLabel="Loading the lesson" errorTitle="The lesson could not be loaded">
      <LessonReader lessonId={lessonId} />
    </AsyncSection>
  );
}
