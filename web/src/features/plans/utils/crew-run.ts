import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { ApiError, apiEventStream, STREAM_CUT_PROBLEM, UNEXPECTED_RESPONSE_PROBLEM } from '../../../lib/api-client';
import type { SseEvent } from '../../../lib/sse';
import { collectionOf, PlanSchema, plansQueryOptions, type Plan, type PlanKind } from '../api/plans';

/** What one run of the coach + mentor crew has shown so far. */
export type CrewRun = {
  status: 'idle' | 'running' | 'done' | 'failed' | 'stopped';
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
  const queryClient = useQueryClient();
  const [run, setRun] = useState<CrewRun>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const last = useRef<CrewRequest | null>(null);
  // the documents of this kind stored before the run started, to tell its own from them later
  const before = useRef<ReadonlySet<string> | null>(null);
  const posted = useRef(false);
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
    before.current = null;
    posted.current = false;
    try {
      // what is stored already (the cached list when there is one): read before the crew starts,
      // so its own document can never be among it
      before.current = await queryClient.ensureQueryData(plansQueryOptions(kind)).then(
        (stored) => new Set(stored.map((document) => document.id)),
        () => null,
      );
      if (mine.signal.aborted) {
        return;
      }
      posted.current = true;
      for await (const event of apiEventStream(`/api/coaching/${collectionOf(kind)}`, { method: 'POST', body, signal: mine.signal })) {
        if (mine.signal.aborted) {
          return; // stopped: what still arrives is not followed
        }
        state = applyEvent(state, event, kind);
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
      if (wasCut(error) && before.current) {
        setWatch(watchFor(request, before.current));
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
    if (!posted.current) {
      // stopped before the request went out: nothing runs on the server
      setRun((current) => (current.status === 'running' ? IDLE : current));
      return;
    }
    if (last.current && before.current) {
      setWatch(watchFor(last.current, before.current));
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

/** A run the learner no longer follows: its kind, its subject, and what was stored before it. */
type Watch = { kind: PlanKind; submissionId: string | null; before: ReadonlySet<string>; until: number };

/** How long the list is watched for a document whose crew is no longer followed. */
export const WATCH_MS = 2 * 60 * 1000;
/** How often the list is read meanwhile. */
export const WATCH_EVERY_MS = 2000;

function watchFor(request: CrewRequest, before: ReadonlySet<string>): Watch {
  return { kind: request.kind, submissionId: request.kind === 'REVIEW' ? request.submissionId : null, before, until: Date.now() + WATCH_MS };
}

function newIn(stored: Plan[] | undefined, watch: Watch): Plan | null {
  return stored?.find((document) => !watch.before.has(document.id) && (watch.submissionId === null || document.submissionId === watch.submissionId)) ?? null;
}

/**
 * The document of a crew the learner stopped following (or whose stream was cut after the server
 * took it): the server finishes and stores it all the same, so the learner's list is read again
 * every few seconds, for up to two minutes, until a document that was not there before shows up.
 * The list shares its cache with the plans page, which so shows it too.
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
    refetchInterval: (query) => (watching && watch && !newIn(query.state.data, watch) ? WATCH_EVERY_MS : false),
  });
  return watch ? newIn(data, watch) : null;
}

/** Whether a failure happened after the server had taken the request (the crew may still finish). */
export function wasCut(error: unknown): boolean {
  return error instanceof ApiError && error.type === STREAM_CUT_PROBLEM;
}
