import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ui/error-message';
import { Loading } from '../../../components/ui/loading';
import { resultHref, useSearch, type SearchResult } from '../api/search';
import { snippetParts } from '../utils/highlighted';

const TYPES: [string, string][] = [
  ['', 'Everything'],
  ['lesson', 'Lessons'],
  ['exercise', 'Exercises'],
  ['hint', 'Hints'],
  ['document', 'Your organization’s documents'],
];

const KIND: Record<string, string> = { lesson: 'Lesson', exercise: 'Exercise', hint: 'Exercise hint', document: 'Document' };

/** The server's snippet with the query's words marked, rendered as text only. */
export function Snippet({ highlighted, fallback }: { highlighted?: string | null; fallback?: string | null }) {
  if (!highlighted) {
    return <p className="snippet">{fallback}</p>;
  }
  return (
    <p className="snippet">
      {snippetParts(highlighted).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

function Result({ result }: { result: SearchResult }) {
  const href = resultHref(result);
  const label = result.section ? `${result.title} — ${result.section}` : result.title;
  return (
    <li className="card search-result">
      <p className="eyebrow">{KIND[result.sourceType] ?? result.sourceType}</p>
      <h2 className="result-title">{href ? <Link to={href}>{label}</Link> : label}</h2>
      <Snippet highlighted={result.highlighted} fallback={result.snippet} />
    </li>
  );
}

/** Search over lessons, exercises, hints and the organization's documents. */
export function SearchPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const [text, setText] = useState(query);
  const search = useSearch(query, type);

  useEffect(() => setText(query), [query]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) {
      next.set('q', text.trim());
    }
    if (type) {
      next.set('type', type);
    }
    setParams(next);
  }

  return (
    <>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`}>Search the curriculum</label>
        <div className="search-row">
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
          <button type="submit">Search</button>
        </div>
        <label htmlFor={`${id}-type`}>Show</label>
        <select
          id={`${id}-type`}
          value={type}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) {
              next.set('type', e.target.value);
            } else {
              next.delete('type');
            }
            setParams(next);
          }}
        >
          {TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </form>
      <div aria-live="polite" className="search-results">
        {query === '' ? null : search.isPending ? (
          <Loading label="Searching" />
        ) : search.isError ? (
          <ErrorMessage error={search.error} title="The search failed" onRetry={() => search.refetch()} />
        ) : (
          <>
            <p className="muted">
              {search.data.results.length === 0
                ? `Nothing matches “${search.data.query}”. Try other words.`
                : `${search.data.results.length} ${search.data.results.length === 1 ? 'result' : 'results'} for “${search.data.query}”.`}
            </p>
            <ol className="result-list">
              {search.data.results.map((result, i) => (
                <Result key={`${result.sourceId}-${result.sectionAnchor ?? ''}-${i}`} result={result} />
              ))}
            </ol>
          </>
        )}
      </div>
    </>
  );
}
