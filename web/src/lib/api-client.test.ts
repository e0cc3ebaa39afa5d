import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { problem } from '../testing/mocks/handlers';
import { server } from '../testing/mocks/server';
import { authServer, learner } from '../testing/mocks/auth-server';
import { signInAs } from '../testing/test-utils';
import {
  ApiError,
  apiEventStream,
  apiRequest,
  errorSentence,
  fieldErrors,
  isProblem,
  NETWORK_PROBLEM,
  STREAM_CUT_PROBLEM,
  UNEXPECTED_RESPONSE_PROBLEM,
} from './api-client';
import { authSession } from './auth/session';
import { webSocketUrl } from './web-socket-url';

const Thing = z.object({ name: z.string() });

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('returns the answer checked against the schema', async () => {
    server.use(http.get('*/api/thing', () => HttpResponse.json({ name: 'x', extra: 1 })));
    await expect(apiRequest('/api/thing', Thing)).resolves.toEqual({ name: 'x' });
  });

  it('sends a JSON body with its content type', async () => {
    let seen: { type: string | null; body: unknown } | undefined;
    server.use(
      http.post('*/api/thing', async ({ request }) => {
        seen = { type: request.headers.get('Content-Type'), body: await request.json() };
        return HttpResponse.json({ name: 'made' });
      }),
    );
    await apiRequest('/api/thing', Thing, { method: 'POST', body: { answer: '1' } });
    expect(seen).toEqual({ type: 'application/json', body: { answer: '1' } });
  });

  it('sends the signed-in learner\'s access token, and none when signed out', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get('*/api/thing', ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json({ name: 'x' });
      }),
    );
    await apiRequest('/api/thing', Thing);
    signInAs(learner());
    const token = await authSession.accessToken();
    await apiRequest('/api/thing', Thing);
    authSession.end();
    await apiRequest('/api/thing', Thing);
    expect(seen).toEqual([null, `Bearer ${token}`, null]);
  });

  it('sends extra headers given by the caller', async () => {
    let key: string | null = null;
    server.use(
      http.post('*/api/thing', ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json({ name: 'x' });
      }),
    );
    await apiRequest('/api/thing', Thing, { method: 'POST', body: {}, headers: { 'Idempotency-Key': 'k-1' } });
    expect(key).toBe('k-1');
  });

  it('signs WebSocket URLs in with the session\'s access token as query parameter', async () => {
    await expect(webSocketUrl('/api/coaching/ws', 'https://coach.example')).resolves.toBe('wss://coach.example/api/coaching/ws');
    signInAs(learner());
    const token = await authSession.accessToken();
    expect(token).toMatch(/^access-/);
    await expect(webSocketUrl('/ws/practice', 'http://localhost:8080')).resolves.toBe(
      `ws://localhost:8080/ws/practice?access_token=${token}`,
    );
  });

  it('renews an access token about to expire before putting it into a WebSocket URL', async () => {
    authServer.accessTokenSeconds = 10;
    signInAs(learner());
    authServer.accessTokenSeconds = 900;
    const url = new URL(await webSocketUrl('/ws/practice', 'http://localhost:8080'));
    expect(authServer.tokenRequests.map((r) => r.grant_type)).toEqual(['refresh_token']);
    expect(url.searchParams.get('access_token')).toBe(await authSession.accessToken());
  });

  it('turns a problem document into an error whose message is its detail as a sentence', async () => {
    server.use(
      http.get('*/api/thing', () =>
        problem(404, 'not-found', 'Not Found', "lesson 'x' was not found"),
      ),
    );
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.message).toBe("Lesson 'x' was not found.");
    expect(error).toMatchObject({ status: 404, type: '/problems/not-found', title: 'Not Found', isNotFound: true });
  });

  it('uses the title when the problem has no detail', async () => {
    server.use(
      http.get('*/api/thing', () =>
        problem(429, 'rate-limited', 'Too many requests'),
      ),
    );
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.message).toBe('Too many requests.');
    expect(error.type).toBe('/problems/rate-limited');
  });

  it('words an error without a problem document by its status', async () => {
    server.use(http.get('*/api/thing', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.message).toBe('The server cannot be reached right now; try again later.');
    expect(error.status).toBe(502);
  });

  it('words a network failure plainly', async () => {
    server.use(http.get('*/api/thing', () => HttpResponse.error()));
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.type).toBe(NETWORK_PROBLEM);
    expect(error.message).toBe('Cannot reach the server. Check your connection and try again.');
  });

  it('rejects an answer of the wrong shape instead of passing it on', async () => {
    server.use(http.get('*/api/thing', () => HttpResponse.json({ title: 'no name' })));
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.type).toBe(UNEXPECTED_RESPONSE_PROBLEM);
    expect(error.message).toMatch(/does not understand/);
  });
});

describe('errorSentence', () => {
  it('gives a generic sentence for errors that did not come from the API', () => {
    expect(errorSentence(new TypeError('x is undefined'))).toBe('Something went wrong on this page. Reload to try again.');
  });
});

describe('apiRequest with a session', () => {
  const Me = z.object({ userId: z.string() });

  it('sends the access token and renews it once when the server refuses it', async () => {
    signInAs(learner());
    authServer.expireAccessTokens();
    await expect(apiRequest('/api/me', Me)).resolves.toEqual({ userId: 'u-learner' });
    expect(authServer.tokenRequests.map((r) => r.grant_type)).toEqual(['refresh_token']);
  });

  it('shares one refresh among requests refused at the same time', async () => {
    signInAs(learner());
    authServer.expireAccessTokens();
    await Promise.all([apiRequest('/api/me', Me), apiRequest('/api/me', Me), apiRequest('/api/me', Me)]);
    expect(authServer.tokenRequests).toHaveLength(1);
  });

  it('gives up after one renewal: a second 401 is the answer', async () => {
    signInAs(learner());
    let calls = 0;
    server.use(
      http.get('*/api/thing', () => {
        calls += 1;
        return problem(401, 'unauthorized', 'Authentication required', 'The bearer token or API key is not valid.');
      }),
    );
    const error = await failureOf(apiRequest('/api/thing', Thing));
    expect(error.status).toBe(401);
    expect(calls).toBe(2);
    expect(authServer.tokenRequests).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, and reports the 401', async () => {
    signInAs(learner());
    authServer.expireAccessTokens();
    server.use(http.post('*/oauth2/token', () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 })));
    const error = await failureOf(apiRequest('/api/me', Me));
    expect(error.status).toBe(401);
    expect(authSession.getSnapshot().status).toBe('signed-out');
  });

  it('sends no token without a session', async () => {
    let authorization: string | null = 'unset';
    server.use(
      http.get('*/api/thing', ({ request }) => {
        authorization = request.headers.get('Authorization');
        return HttpResponse.json({ name: 'x' });
      }),
    );
    await apiRequest('/api/thing', Thing);
    expect(authorization).toBeNull();
  });

  it('turns the fields of a validation problem into messages by field', async () => {
    server.use(
      http.post('*/api/thing', () =>
        HttpResponse.json(
          { type: '/problems/validation-failed', title: 'Validation failed', status: 400, detail: 'Some fields are not valid: name.',
            errors: [{ field: 'name', message: 'must not be blank' }] },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await failureOf(apiRequest('/api/thing', Thing, { method: 'POST', body: {} }));
    expect(fieldErrors(error)).toEqual({ name: 'must not be blank' });
    expect(isProblem(error, 'validation-failed')).toBe(true);
    expect(error.message).toBe('Some fields are not valid: name.');
  });
});

describe('apiEventStream', () => {
  async function collect(stream: AsyncGenerator<{ event: string; data: string }>) {
    const events: string[] = [];
    for await (const e of stream) {
      events.push(`${e.event}:${e.data}`);
    }
    return events;
  }

  function streamOf(parts: string[], end: 'close' | 'error' = 'close') {
    const encoder = new TextEncoder();
    return new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const part of parts) {
          controller.enqueue(encoder.encode(part));
          await new Promise((r) => setTimeout(r, 2));
        }
        if (end === 'error') {
          controller.error(new TypeError('network error'));
        } else {
          controller.close();
        }
      },
    });
  }

  it('posts with the bearer token and Accept: text/event-stream, and yields events across chunks', async () => {
    let seen: { auth: string | null; accept: string | null; body: unknown } | undefined;
    server.use(
      http.post('*/api/stream', async ({ request }) => {
        seen = { auth: request.headers.get('Authorization'), accept: request.headers.get('Accept'), body: await request.json() };
        return new HttpResponse(streamOf(['event: agent\ndata: {"a"', ':1}\n', '\nevent: done\r\ndata: 2\r\n\r\n']), {
          headers: { 'Content-Type': 'text/event-stream;charset=UTF-8' },
        });
      }),
    );
    signInAs(learner());
    const token = await authSession.accessToken();
    await expect(collect(apiEventStream('/api/stream', { method: 'POST', body: { goal: 'x' } }))).resolves.toEqual([
      'agent:{"a":1}',
      'done:2',
    ]);
    expect(seen).toEqual({ auth: `Bearer ${token}`, accept: 'text/event-stream, application/problem+json', body: { goal: 'x' } });
  });

  it('turns a refusal before the stream into the server\'s problem', async () => {
    server.use(http.post('*/api/stream', () => problem(422, 'unprocessable', 'Unprocessable', 'Unknown skill: nope')));
    const error = await failureOf(collect(apiEventStream('/api/stream', { method: 'POST', body: {} })));
    expect(error.status).toBe(422);
    expect(error.message).toBe('Unknown skill: nope.');
  });

  it('reports a stream that drops mid-way as cut, after the events that arrived', async () => {
    server.use(
      http.post('*/api/stream', () =>
        new HttpResponse(streamOf(['event: agent\ndata: 1\n\n', 'event: draft\ndata: half'], 'error'), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
      ),
    );
    const events: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const e of apiEventStream('/api/stream', { method: 'POST', body: {} })) {
          events.push(e.event);
        }
      })(),
    );
    expect(events).toEqual(['agent']);
    expect(error.type).toBe(STREAM_CUT_PROBLEM);
    expect(error.message).toBe('The connection was lost before the server finished.');
  });
});
