import { useEffect } from 'react';
import { SearchPage } from '../../features/search/components/search-page';

export function SearchRoute() {
  useEffect(() => {
    document.title = 'Search · AgentCoach';
  }, []);
  return (
    <section aria-labelledby="search-title" className="page">
      <h1 id="search-title">Search</h1>
      <SearchPage />
    </section>
  );
}
