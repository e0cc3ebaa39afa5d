import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError, apiEventStream, STREAM_CUT_PROBLEM, UNEXPECTED_RESPONSE_PROBLEM } from '../../../lib/api-client';
import type { SseEvent } from '../../../lib/sse';
import { collectionOf, PlanSchema, plansQueryOptions, type Plan, type PlanKind } from '../api/plans';

/** What one run of the coach + mentor crew has shown so far. */
export type CrewRun = {
  status: 'idle' | 'running' | 'done' | 'failed' | 'stopped';
  /** The id the server will store the document under, announced before the crew starts. */
  documentId: string | null;
  /** The agent working now (or last), and whether it is the offline one. */
  agent: { name: string; offline: boolean } | null;
  /** The models failed part-way and the offline crew started over. */
  restarted: boolean;
  draft: string | null;
  review: string | null;
  document: Plan | null;
  error: unknown;
  /**
   * What a screen reader hears, one sentence per step, oldest first: a log rather than one
   * sentence replaced, so steps that arrive together (a quick crew) are each still heard.
   */
  announcements: string[];
};

export type CrewRequest = { kind: 'PLAN'; goal?: string; goalSkillId?: string } | { kind: 'REVIEW'; submissionId: string };

export const IDLE: CrewRun = {
  status: 'idle',
  documentId: null,
  agent: null,
  restarted: false,
  draft: null,
  review: null,
  document: null,
  error: null,
  announcements: [],
};

function announce(run: CrewRun, sentence: string): string[] {
  return [...run.announcements, sentence];
}

const AgentData = z.object({ agent: z.string(), offline: z.boolean().default(false) });
const TextData = z.object({ text: z.string() });
const AcceptedData = z.object({ id: z.string() });

const WORKING: Record<string, (thing: string) => string> = {
  coach: (thing) => `The coach is writing a draft ${thing}.`,
  mentor: () => 'The mentor is checking the draft.',
};

function thingOf(kind: PlanKind) {
  return kind === 'PLAN' ? 'of your plan' : 'of the review';
}

function parse<T>(schema: z.ZodType<T>, event: SseEvent): T {
  let json: unknown;
  try {
    json = JSON.parse(event.data);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: 200,
      type: UNEXPECTED_RESPONSE_PROBLEM,
      title: 'The server sent progress this page does not understand; reload to get the latest version',
    });
  }
  return parsed.data;
}

/** The next state after {@code event}; unknown events change nothing. */
export function applyEvent(run: CrewRun, event: SseEvent, kind: PlanKind): CrewRun {
  switch (event.event) {
    case 'accepted':
      return { ...run, documentId: parse(AcceptedData, event).id };
    case 'agent': {
      const agent = parse(AgentData, event);
      const name = agent.agent;
      // a coach starting again means the offline crew starts over after the models failed
      const restarted = run.restarted || (name === 'coach' && run.agent !== null);
      const again = restarted && !run.restarted ? 'No model could finish it, so the offline coach starts over. ' : '';
      return {
        ...run,
        agent: { name, offline: agent.offline },
        restarted,
        ...(name === 'coach' ? { draft: null, review: null } : {}),
        announcements: announce(run, `${again}${(WORKING[name] ?? (() => `The ${name} is working.`))(thingOf(kind))}`),
      };
    }
    case 'draft':
      return { ...run, draft: parse(TextData, event).text, announcements: announce(run, 'The coach finished the draft.') };
    case 'review':
      return { ...run, review: parse(TextData, event).text, announcements: announce(run, 'The mentor finished checking the draft.') };
    case 'done':
      return {
        ...run,
        status: 'done',
        document: parse(PlanSchema, event),
        announcements: announce(run, kind === 'PLAN' ? 'Your plan is ready and stored.' : 'The review is ready and stored.'),
      };
    default:
      return run;
  }
}

/**
 * Runs the crew for {@code request} and follows it over server-sent events: the agent at work,
 * the coach's draft, the mentor's version, then the stored document. {@code stop} closes the
 * stream (the server finishes and stores the document all the same).
 */
export function useCrewRun(onDone?: (document: Plan) => void) {
  const [run, setRun] = useState<CrewRun>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const last = useRef<CrewRequest | null>(null);
  // the id the server announced for this run's document, for Stop to watch for
  const announcedId = useRef<string | null>(null);
  const [watch, setWatch] = useState<Watch | null>(null);
  const storedLater = useStoredLater(watch);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  useEffect(() => () => controller.current?.abort(), []);

  // the stream read to its end and the stored document rendered (its step and announcement are
  // on the page even when every event arrived at once): only then the caller, which usually
  // navigates away, hears of it
  const [finished, setFinished] = useState<Plan | null>(null);
  useEffect(() => {
    if (finished) {
      onDoneRef.current?.(finished);
    }
  }, [finished]);

  const start = useCallback(async (request: CrewRequest) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    last.current = request;
    const { kind, ...body } = request;
    let state: CrewRun = { ...IDLE, status: 'running', announcements: [kind === 'PLAN' ? 'Writing your plan.' : 'Reviewing your submission.'] };
    setRun(state);
    setWatch(null);
    announcedId.current = null;
    try {
      for await (const event of apiEventStream(`/api/coaching/${collectionOf(kind)}`, { method: 'POST', body, signal: mine.signal })) {
        if (mine.signal.aborted) {
          return; // stopped: what still arrives is not followed
        }
        state = applyEvent(state, event, kind);
        announcedId.current = state.documentId;
        setRun(state);
      }
      // the stream ends right after "done" (read to its end, so the request completes normally)
      if (state.status !== 'done') {
        throw new ApiError({ status: 0, type: STREAM_CUT_PROBLEM, title: 'The connection ended before the server finished' });
      }
      setFinished(state.document);
    } catch (error) {
      if (mine.signal.aborted) {
        return;
      }
      if (wasCut(error) && state.documentId) {
        setWatch(watchFor(kind, state.documentId));
      }
      setRun({ ...state, status: 'failed', error, announcements: announce(state, `It could not be finished. ${error instanceof Error ? error.message : ''}`.trim()) });
    } finally {
      if (controller.current === mine) {
        controller.current = null;
      }
    }
  }, []);

  const stop = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    if (last.current && announcedId.current) {
      setWatch(watchFor(last.current.kind, announcedId.current));
    }
    setRun((current) =>
      current.status === 'running'
        ? { ...current, status: 'stopped', announcements: announce(current, 'Stopped following the crew. It finishes on the server and the result appears in your list.') }
        : current,
    );
  }, []);

  const retry = useCallback(() => {
    if (last.current) {
      void start(last.current);
    }
  }, [start]);

  return { run, start, stop, retry, storedLater };
}

/** A run the learner no longer follows: its kind and the id its document will be stored under. */
type Watch = { kind: PlanKind; id: string; until: number };

/** How long the list is watched for a document whose crew is no longer followed. */
export const WATCH_MS = 2 * 60 * 1000;
/** How often the list is read meanwhile. */
export const WATCH_EVERY_MS = 2000;

function watchFor(kind: PlanKind, id: string): Watch {
  return { kind, id, until: Date.now() + WATCH_MS };
}

function stored(list: Plan[] | undefined, watch: Watch): Plan | null {
  return list?.find((document) => document.id === watch.id) ?? null;
}

/**
 * The document of a crew the learner stopped following (or whose stream was cut after the server
 * took it): the server finishes and stores it all the same, under the id it announced first, so
 * the learner's list is read again every few seconds, for up to two minutes, until it holds that
 * id. The list shares its cache with the plans page, which so shows it too.
 */
function useStoredLater(watch: Watch | null): Plan | null {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    setExpired(false);
    if (!watch) {
      return undefined;
    }
    const timer = setTimeout(() => setExpired(true), Math.max(0, watch.until - Date.now()));
    return () => clearTimeout(timer);
  }, [watch]);
  const watching = watch !== null && !expired;
  const { data } = useQuery({
    ...plansQueryOptions(watch?.kind ?? 'PLAN'),
    enabled: watching,
    refetchInterval: (query) => (watching && watch && !stored(query.state.data, watch) ? WATCH_EVERY_MS : false),
  });
  return watch ? stored(data, watch) : null;
}

/** Whether a failure happened after the server had taken the request (the crew may still finish). */
export function wasCut(error: unknown): boolean {
  return error instanceof ApiError && error.type === STREAM_CUT_PROBLEM;
}
