import { Link } from 'react-router';
import type { ContentIndex } from '../../../lib/content-index';
import { citationLabel, citationLinks, numberedCitations } from '../../../lib/citations';
import type { ChatMessage } from '../utils/coach-chat';
import { MarkdownText } from '../../../components/ui/markdown-text';

const STATUS_NOTE: Partial<Record<ChatMessage['status'], string>> = {
  queued: 'Waiting for the connection…',
  recovering: 'Connection lost; picking up where it stopped…',
  stopped: 'Stopped. The coach stopped writing; what it wrote so far stays in this session.',
};

/** One message of the conversation: the learner's as typed, the coach's rendered with its sources. */
export function CoachMessage({ message, index, onRetry }: { message: ChatMessage; index?: ContentIndex; onRetry: () => void }) {
  const note = STATUS_NOTE[message.status];
  if (message.role === 'learner') {
    return (
      <li className={`chat-message learner ${message.status}`}>
        <p className="chat-author">You</p>
        <p className="chat-text">{message.content}</p>
        {note && <p className="muted small">{note}</p>}
        {message.status === 'failed' && (
          <div className="error-message" role="alert">
            <p>{message.error}</p>
            <button type="button" className="button secondary" onClick={onRetry}>
              Send again
            </button>
          </div>
        )}
      </li>
    );
  }
  const citations = numberedCitations(message.content, message.citations);
  const { href: hrefOf, label: labelOf } = citationLinks(citations, index);
  const listsSources = /^Sources:/m.test(message.content);
  return (
    <li className={`chat-message coach ${message.status}`} aria-busy={message.status === 'streaming' || message.status === 'recovering'}>
      <p className="chat-author">
        Coach{message.model ? <span className="muted small"> · {message.model}</span> : null}
      </p>
      <MarkdownText text={message.content} citationHref={hrefOf} citationLabel={labelOf} />
      {message.status === 'streaming' && <span className="typing" aria-hidden="true" />}
      {!listsSources && citations.size > 0 && message.status === 'done' && (
        <div className="chat-sources">
          <p className="muted small">Sources</p>
          <ol>
            {[...citations.entries()].map(([n, c]) => {
              const href = hrefOf(n);
              return <li key={n}>{href ? <Link to={href}>{citationLabel(c)}</Link> : citationLabel(c)}</li>;
            })}
          </ol>
        </div>
      )}
      {note && <p className="muted small">{note}</p>}
      {message.status === 'failed' && (
        <p className="error-message" role="alert">
          {message.error}
        </p>
      )}
    </li>
  );
}
