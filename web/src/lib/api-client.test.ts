import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { problem } from '../testing/mocks/handlers';
import { server } from '../testing/mocks/server';
import { setAccessToken, webSocketUrl } from './access-token';
import { ApiError, apiRequest, errorSentence, NETWORK_PROBLEM, UNEXPECTED_RESPONSE_PROBLEM } from './api-client';

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
    setAccessToken('abc.def.ghi');
    await apiRequest('/api/thing', Thing);
    setAccessToken(null);
    await apiRequest('/api/thing', Thing);
    expect(seen).toEqual([null, 'Bearer abc.def.ghi', null]);
  });

  it('signs WebSocket URLs in with the token as query parameter', () => {
    expect(webSocketUrl('/api/coaching/ws', 'https://coach.example')).toBe('wss://coach.example/api/coaching/ws');
    setAccessToken('t0k');
    expect(webSocketUrl('/ws/practice', 'http://localhost:8080')).toBe('ws://localhost:8080/ws/practice?access_token=t0k');
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
