import { Link } from 'react-router';
import { EffortBadges } from '../../../components/ui/difficulty';
import { useTracks, type ItemSummary } from '../api/get-tracks';

function ItemList({ items, kind }: { items: ItemSummary[]; kind: 'lessons' | 'exercises' }) {
  if (items.length === 0) {
    return <p className="muted">No {kind} in this track yet.</p>;
  }
  return (
    <ol className="item-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={`/${kind}/${item.id}`}>{item.title}</Link>
          <EffortBadges difficulty={item.difficulty} minutes={item.minutes} />
        </li>
      ))}
    </ol>
  );
}

/** Every track with its lessons and exercises, in curriculum order. */
export function TrackList() {
  const { data: tracks } = useTracks();
  if (tracks.length === 0) {
    return <p className="muted">The curriculum on this server has no tracks yet.</p>;
  }
  const ordered = [...tracks].sort((a, b) => a.order - b.order);
  return (
    <div className="track-list">
      {ordered.map((track) => (
        <section key={track.id} className="card track" aria-labelledby={`track-${track.id}`}>
          <h2 id={`track-${track.id}`}>{track.title}</h2>
          <p>{track.summary}</p>
          <div className="track-columns">
            <div>
              <h3>Lessons</h3>
              <ItemList items={track.lessons} kind="lessons" />
            </div>
            <div>
              <h3>Exercises</h3>
              <ItemList items={track.exercises} kind="exercises" />
            </div>
          </div>
        </section>
      ))}
    </div>
  );
}
