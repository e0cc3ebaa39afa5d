import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ui/error-message';
import { useContentIndex } from '../../../lib/content-index';
import { allowanceQueryOptions, openSession, sessionsQueryOptions, useAllowance, useSessions, type LearnerContext, type Session } from '../api/coaching';
import { useCoachChat } from '../utils/use-coach-chat';
import { CoachMessage } from './coach-message';

export type CoachScope = { lessonId?: string; exerciseId?: string; title: string };
/** A question prepared elsewhere on the page ("ask about this section"); a new id replaces the composer's text. */
export type CoachRequest = { id: number; text: string };

type Props = {
  scope?: CoachScope;
  request?: CoachRequest | null;
  context?: LearnerContext;
  headingLevel?: 2 | 3;
  heading?: string;
};

const CONNECTION_WORDS = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost. Reconnecting…',
  closed: 'Disconnected',
} as const;

function money(value: number): string {
  return `US$${value.toFixed(2)}`;
}

function matches(session: Session, scope?: CoachScope): boolean {
  if (!scope) {
    return true;
  }
  return scope.exerciseId ? session.exerciseId === scope.exerciseId : session.lessonId === scope.lessonId;
}

/** The coach: sessions, the streamed conversation, model and allowance, stop and reconnect. */
export function CoachPanel({ scope, request, context, headingLevel = 2, heading = 'Coach' }: Props) {
  const id = useId();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const allowance = useAllowance();
  const index = useContentIndex();
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [chosen, setChosen] = useState(false);
  const { state, chat } = useCoachChat(sessionId);
  const [text, setText] = useState('');
  const [opening, setOpening] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const transcript = useRef<HTMLOListElement>(null);

  // the newest session about this lesson or exercise, unless the learner picked another
  useEffect(() => {
    if (!chosen && sessions.data) {
      const newest = [...sessions.data].filter((s) => matches(s, scope)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      setSessionId(newest?.id ?? null);
    }
  }, [sessions.data, scope, chosen]);

  useEffect(() => {
    if (request) {
      setText(request.text);
      input.current?.focus();
    }
  }, [request]);

  useEffect(() => {
    const list = transcript.current;
    if (list && typeof list.scrollTo === 'function') {
      list.scrollTo({ top: list.scrollHeight });
    }
  }, [state.messages]);

  useEffect(() => {
    if (state.allowance) {
      queryClient.setQueryData(allowanceQueryOptions().queryKey, state.allowance);
    }
  }, [state.allowance, queryClient]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const message = text.trim();
    if (!message || state.answering) {
      return;
    }
    let target = sessionId;
    if (!target) {
      try {
        setOpening(null);
        const title = scope?.title ?? (message.length > 60 ? `${message.slice(0, 57)}…` : message);
        const created = await openSession({ title, lessonId: scope?.lessonId, exerciseId: scope?.exerciseId });
        target = created.id;
        await chat.open(created.id);
        setChosen(true);
        setSessionId(created.id);
        void queryClient.invalidateQueries({ queryKey: sessionsQueryOptions().queryKey });
      } catch (error) {
        setOpening(error instanceof Error ? error.message : 'The session could not be opened.');
        return;
      }
    }
    chat.send(message, context);
    setText('');
  }

  function newSession() {
    setChosen(true);
    setSessionId(null);
    void chat.open(null);
    input.current?.focus();
  }

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const remaining = state.allowance?.remainingUsd ?? allowance.data?.remainingUsd;
  const sessionList = sessions.data ? [...sessions.data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];

  if (sessions.isError) {
    return (
      <section className="coach-panel" aria-labelledby={`${id}-title`}>
        <Heading id={`${id}-title`}>{heading}</Heading>
        <ErrorMessage error={sessions.error} title="The coach is not available" onRetry={() => sessions.refetch()} />
      </section>
    );
  }

  return (
    <section className="coach-panel" aria-labelledby={`${id}-title`}>
      <div className="coach-header">
        <Heading id={`${id}-title`}>{heading}</Heading>
        <p className="muted small coach-meta">
          <span>Model: {state.model ?? 'chosen per question'}</span>
          {remaining !== undefined && <span> · Allowance left: {money(remaining)}</span>}
        </p>
      </div>
      <div className="coach-sessions">
        <label htmlFor={`${id}-session`}>Session</label>
        <select
          id={`${id}-session`}
          value={sessionId ?? ''}
          onChange={(e) => {
            setChosen(true);
            setSessionId(e.target.value || null);
          }}
        >
          <option value="">New session</option>
          {sessionList.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" className="button secondary" onClick={newSession} disabled={sessionId === null}>
          New session
        </button>
      </div>
      <p className={`muted small connection ${state.connection}`} role="status">
        {CONNECTION_WORDS[state.connection]}
      </p>
      {state.loading && <p className="muted">Loading the conversation…</p>}
      {state.error && <p className="error-message" role="alert">{state.error}</p>}
      <ol className="transcript" ref={transcript} aria-label="Conversation" tabIndex={0}>
        {state.messages.length === 0 && !state.loading && (
          <li className="muted chat-empty">Ask about a lesson, an exercise or your code. Answers cite the lessons they come from.</li>
        )}
        {state.messages.map((message) => (
          <CoachMessage key={message.key} message={message} index={index} onRetry={() => chat.retry(message.key)} />
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {state.announcement}
      </p>
      <form className="composer" onSubmit={onSubmit}>
        <label htmlFor={`${id}-input`}>Your question</label>
        <textarea
          id={`${id}-input`}
          ref={input}
          rows={3}
          maxLength={8000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="composer-actions">
          <button type="submit" disabled={!text.trim() || state.answering}>
            Send
          </button>
          {state.answering && (
            <button type="button" className="button secondary" onClick={() => chat.stop()}>
              Stop
            </button>
          )}
          <span className="muted small">Ctrl+Enter sends.</span>
        </div>
        {opening && <p className="error-message" role="alert">{opening}</p>}
      </form>
    </section>
  );
}
