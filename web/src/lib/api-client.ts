import { z } from 'zod';
import { env } from '../config/env';
import { AuthError } from './auth/oauth-server';
import { authSession } from './auth/session';
import { eventsOf, type SseEvent } from './sse';

/** An RFC 9457 problem document as the server sends it; extra members are kept. */
const ProblemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

export type Problem = z.infer<typeof ProblemSchema>;

/** The type given to failures that never reached the server (offline, DNS, refused). */
export const NETWORK_PROBLEM = 'network';
/** The type given to answers that did not have the shape the app expects. */
export const UNEXPECTED_RESPONSE_PROBLEM = 'unexpected-response';

/**
 * A failed API call. {@code message} is a sentence a learner can read; {@code type} is the
 * problem's stable type (branch on it, never on the message).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly problem?: Problem;

  constructor(args: { status: number; type: string; title: string; detail?: string; problem?: Problem }) {
    super(sentence(args.title, args.detail));
    this.name = 'ApiError';
    this.status = args.status;
    this.type = args.type;
    this.title = args.title;
    this.detail = args.detail;
    this.problem = args.problem;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The detail says what happened to this request; the title is the fallback. */
function sentence(title: string, detail?: string): string {
  return asSentence(detail && detail.trim() ? detail : title);
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not accepted',
  401: 'You need to sign in first',
  403: 'You are not allowed to do this',
  404: 'This could not be found',
  409: 'This conflicts with a change made meanwhile',
  413: 'What you sent is too large',
  429: 'Too many requests; wait a moment and try again',
  500: 'The server ran into a problem; try again later',
  502: 'The server cannot be reached right now; try again later',
  503: 'The service is unavailable right now; try again later',
  504: 'The server took too long to answer; try again later',
};

function titleFor(status: number): string {
  return STATUS_TITLES[status] ?? `The server answered with an error (status ${status})`;
}

async function problemFrom(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const parsed = ProblemSchema.safeParse(await response.json());
      if (parsed.success) {
        const problem = parsed.data;
        return new ApiError({
          status: response.status,
          type: problem.type ?? 'about:blank',
          title: problem.title ?? titleFor(response.status),
          detail: problem.detail,
          problem,
        });
      }
    } catch {
      // not JSON after all: fall through to the status-based sentence
    }
  }
  return new ApiError({ status: response.status, type: 'about:blank', title: titleFor(response.status) });
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. an idempotency key); they may override the defaults. */
  headers?: Record<string, string>;
  /** Send the session's access token (the default); false for calls that must go anonymously. */
  authenticated?: boolean;
};

/** Where the API lives: the configured URL, else the origin that served the app. */
export function apiBase(): string {
  return env.API_URL || globalThis.location?.origin || 'http://localhost';
}

function urlFor(path: string): string {
  return new URL(path, apiBase()).toString();
}

/**
 * Calls the API and checks the JSON answer against {@code schema}. Every failure becomes an
 * {@link ApiError}: problem documents keep their type, title and detail; network failures and
 * answers of an unexpected shape get plain wording.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const response = await sendAuthenticated(path, options);
  if (!response.ok) {
    throw await problemFrom(response);
  }
  let body: unknown;
  try {
    // 204, or a 202 without content
    const text = response.status === 204 ? '' : await response.text();
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw unexpected();
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw unexpected();
  }
  return parsed.data;
}

/**
 * Sends the request with the session's access token. A 401 for a token that was sent means it
 * expired or was revoked: the session refreshes once (shared with any other caller that got a
 * 401 meanwhile) and the request is sent once more; a second 401 is the answer.
 */
async function sendAuthenticated(path: string, options: RequestOptions): Promise<Response> {
  if (options.authenticated === false) {
    return send(path, options, null);
  }
  const token = await sessionToken(() => authSession.accessToken());
  const response = await send(path, options, token);
  if (response.status !== 401 || token === null) {
    return response;
  }
  const renewed = await sessionToken(() => authSession.afterRejection(token));
  return renewed === null ? response : send(path, options, renewed);
}

/** A token, or null without a session; a session that cannot be renewed for now is a network problem. */
async function sessionToken(get: () => Promise<string | null>): Promise<string | null> {
  try {
    return await get();
  } catch (error) {
    throw new ApiError({
      status: 0,
      type: NETWORK_PROBLEM,
      title: error instanceof AuthError ? error.message : 'Cannot reach the server. Check your connection and try again',
    });
  }
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  Object.assign(headers, options.headers);
  try {
    return await fetch(urlFor(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError({
      status: 0,
      type: NETWORK_PROBLEM,
      title: 'Cannot reach the server. Check your connection and try again',
    });
  }
}

/** The type given to a stream of events that stopped before its last event (connection lost). */
export const STREAM_CUT_PROBLEM = 'stream-cut';

/**
 * Calls an endpoint that answers with server-sent events ({@code Accept: text/event-stream}) and
 * yields each event as it arrives, signed in like {@link apiRequest} (which EventSource cannot be).
 * A refusal before the stream opens is the server's problem as an {@link ApiError}; a connection
 * that drops mid-stream is an ApiError of type {@link STREAM_CUT_PROBLEM}; aborting {@code signal}
 * throws the AbortError. Stopping the iteration closes the stream.
 */
export async function* apiEventStream(path: string, options: RequestOptions = {}): AsyncGenerator<SseEvent> {
  const response = await sendAuthenticated(path, {
    ...options,
    headers: { Accept: 'text/event-stream, application/problem+json', ...options.headers },
  });
  if (!response.ok) {
    throw await problemFrom(response);
  }
  if (!response.body || !(response.headers.get('Content-Type') ?? '').includes('text/event-stream')) {
    throw unexpected();
  }
  const events = eventsOf(response.body);
  try {
    for (;;) {
      let next: IteratorResult<SseEvent>;
      try {
        next = await events.next();
      } catch {
        if (options.signal?.aborted) {
          throw new DOMException('The stream was stopped', 'AbortError');
        }
        throw new ApiError({ status: 0, type: STREAM_CUT_PROBLEM, title: 'The connection was lost before the server finished' });
      }
      if (next.done) {
        return;
      }
      yield next.value;
    }
  } finally {
    // the reader stopped early (or the stream failed): close the body
    await events.return(undefined);
  }
}

function unexpected(): ApiError {
  return new ApiError({
    status: 200,
    type: UNEXPECTED_RESPONSE_PROBLEM,
    title: 'The server sent an answer this page does not understand; reload to get the latest version',
  });
}

/** The sentence to show for any error a query or mutation may raise. */
export function errorSentence(error: unknown): string {
  if (error instanceof ApiError || error instanceof AuthError) {
    return error.message;
  }
  return 'Something went wrong on this page. Reload to try again.';
}

const FieldErrorsSchema = z.array(z.object({ field: z.string(), message: z.string() }));

/**
 * The per-field messages of a validation problem ({@code errors: [{field, message}]}), keyed by
 * field name, so a form can show each beside its input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) {
    return {};
  }
  const parsed = FieldErrorsSchema.safeParse(error.problem?.errors);
  if (!parsed.success) {
    return {};
  }
  return Object.fromEntries(parsed.data.map(({ field, message }) => [field, message]));
}

/** Whether {@code error} is the problem of the given slug ({@code /problems/<slug>}). */
export function isProblem(error: unknown, slug: string): error is ApiError {
  return error instanceof ApiError && (error.type === `/problems/${slug}` || error.type.endsWith(`/problems/${slug}`));
}
