import { useParams } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import { ExerciseWorkspace } from '../../features/exercises/components/exercise-workspace';

export function ExerciseRoute() {
  const { exerciseId = '' } = useParams();
  return (
    <AsyncSection key={exerciseId} loadingLabel="Loading the exercise" errorTitle="The exercise could not be loaded">
      <ExerciseWorkspace exerciseId={exerciseId} />
    </AsyncSection>
  );
}
