import { useEffect } from 'react';
import { AsyncSection } from '../../components/errors/async-section';
import { TrackList } from '../../features/catalogue/components/track-list';

export function CatalogueRoute() {
  useEffect(() => {
    document.title = 'Catalogue · AgentCoach';
  }, []);
  return (
    <section aria-labelledby="catalogue-title" className="page">
      <h1 id="catalogue-title">Learn to build agents that work</h1>
      <p className="lead">
        Tracks of short lessons and hands-on exercises, from calling a chat model to shipping agents that use tools and
        memory. Pick a lesson to start reading; exercises come with starter code, public tests and hints.
      </p>
      <AsyncSection loadingLabel="Loading the catalogue" errorTitle="The catalogue could not be loaded">
        <TrackList />
      </AsyncSection>
    </section>
  );
}
