import type { SessionView } from '../api/coaching';
import { CoachChat } from './coach-chat';
import type { ConnectionState } from './reconnecting-socket';

/** The server side of one session: what it stored, as GET /api/coaching/sessions/{id} returns it. */
class StoredSession {
  messages: SessionView['messages'] = [];
  reads = 0;
  store(role: 'learner' | 'coach', content: string) {
    this.messages.push({ id: `m${this.messages.length}`, position: this.messages.length, role, content, model: role === 'coach' ? 'offline' : null });
  }
  view(): SessionView {
    this.reads += 1;
    const now = '2026-01-01T00:00:00Z';
    return { session: { id: 's1', title: 't', lessonId: null, exerciseId: null, createdAt: now, updatedAt: now }, messages: [...this.messages] };
  }
}

/** A socket the test opens and drops; frames sent while closed do not go out. */
class FakeSocket {
  state: ConnectionState = 'open';
  sent: string[] = [];
  send(data: string) {
    if (this.state !== 'open') {
      return false;
    }
    this.sent.push(data);
    return true;
  }
}

const token = (text: string) => JSON.stringify({ event: 'token', data: { text } });
const answer = (citations: unknown[] = []) => JSON.stringify({ event: 'answer', data: { model: 'offline', citations, allowance: { remainingUsd: 0.5 } } });

async function setUp(history: [('learner' | 'coach'), string][] = []) {
  const server = new StoredSession();
  history.forEach(([role, content]) => server.store(role, content));
  const socket = new FakeSocket();
  const chat = new CoachChat({ getSession: async () => server.view(), sleep: async () => {}, recoverAttempts: 5 });
  chat.attach(socket);
  await chat.open('s1');
  return { server, socket, chat };
}

function drop(chat: CoachChat, socket: FakeSocket) {
  socket.state = 'reconnecting';
  chat.onConnection('reconnecting');
}

async function reconnect(chat: CoachChat, socket: FakeSocket) {
  socket.state = 'open';
  chat.onConnection('open');
  await chat.resync();
}

const transcript = (chat: CoachChat) => chat.snapshot().messages.map((m) => [m.role, m.content, m.status]);

describe('coach chat', () => {
  it('shows the stored conversation, then streams an answer token by token with its citations', async () => {
    const { socket, chat } = await setUp([
      ['learner', 'hi'],
      ['coach', 'hello'],
    ]);
    chat.send('What are the roles?', { exerciseId: 'x' });
    expect(JSON.parse(socket.sent[0])).toEqual({ sessionId: 's1', message: 'What are the roles?', context: { exerciseId: 'x' } });
    expect(chat.snapshot().answering).toBe(true);

    chat.onFrame(token('Four '));
    chat.onFrame(token('roles [1].'));
    expect(chat.snapshot().messages.at(-1)).toMatchObject({ role: 'coach', content: 'Four roles [1].', status: 'streaming' });
    chat.onFrame(answer([{ sourceId: 'messages-and-roles', title: 'Messages', section: 'Roles', sectionAnchor: 'roles' }]));

    expect(transcript(chat)).toEqual([
      ['learner', 'hi', 'done'],
      ['coach', 'hello', 'done'],
      ['learner', 'What are the roles?', 'done'],
      ['coach', 'Four roles [1].', 'done'],
    ]);
    const state = chat.snapshot();
    expect(state.messages.at(-1)?.citations?.[0].sectionAnchor).toBe('roles');
    expect(state.model).toBe('offline');
    expect(state.allowance?.remainingUsd).toBe(0.5);
    expect(state.answering).toBe(false);
    expect(state.announcement).toBe('The coach answered: Four roles [1].');
  });

  it('keeps a message typed while disconnected and sends it once the connection is back', async () => {
    const { server, socket, chat } = await setUp();
    drop(chat, socket);
    chat.send('Are you there?');
    expect(socket.sent).toEqual([]);
    expect(chat.snapshot().messages[0].status).toBe('queued');

    await reconnect(chat, socket);
    expect(socket.sent.map((f) => JSON.parse(f).message)).toEqual(['Are you there?']);
    expect(server.reads).toBeGreaterThan(1);
    expect(transcript(chat)).toEqual([['learner', 'Are you there?', 'sent']]);
  });

  it('resends a message the server never received, exactly once', async () => {
    const { server, socket, chat } = await setUp();
    chat.send('Lost on the way');
    drop(chat, socket);
    expect(chat.snapshot().messages[0].status).toBe('recovering');

    await reconnect(chat, socket);
    expect(socket.sent.map((f) => JSON.parse(f).message)).toEqual(['Lost on the way', 'Lost on the way']);
    // the server stores and answers the resent message
    server.store('learner', 'Lost on the way');
    chat.onFrame(token('Here.'));
    server.store('coach', 'Here.');
    chat.onFrame(answer());
    expect(transcript(chat)).toEqual([
      ['learner', 'Lost on the way', 'done'],
      ['coach', 'Here.', 'done'],
    ]);
  });

  it('does not resend a message the server stored, and shows its whole answer once the server finished it', async () => {
    const { server, socket, chat } = await setUp([
      ['learner', 'earlier'],
      ['coach', 'earlier answer'],
    ]);
    chat.send('Explain tools');
    server.store('learner', 'Explain tools');
    chat.onFrame(token('Tools are '));
    drop(chat, socket);
    // the server goes on answering into the dropped connection and stores the answer
    server.store('coach', 'Tools are functions the model may call.');

    await reconnect(chat, socket);
    expect(socket.sent).toHaveLength(1);
    expect(transcript(chat)).toEqual([
      ['learner', 'earlier', 'done'],
      ['coach', 'earlier answer', 'done'],
      ['learner', 'Explain tools', 'done'],
      ['coach', 'Tools are functions the model may call.', 'done'],
    ]);
    expect(chat.snapshot().answering).toBe(false);
  });

  it('waits for an answer the server is still writing after the reconnection', async () => {
    const server = new StoredSession();
    const socket = new FakeSocket();
    let waits = 0;
    const chat = new CoachChat({
      getSession: async () => server.view(),
      sleep: async () => {
        waits += 1;
        if (waits === 2) {
          server.store('coach', 'Finished later.');
        }
      },
      recoverAttempts: 5,
    });
    chat.attach(socket);
    await chat.open('s1');
    chat.send('Slow question');
    server.store('learner', 'Slow question');
    chat.onFrame(token('Finished '));
    drop(chat, socket);

    socket.state = 'open';
    chat.onConnection('open');
    await Promise.resolve();
    expect(chat.snapshot().messages.at(-1)?.status).toBe('recovering');
    await chat.resync();
    expect(transcript(chat)).toEqual([
      ['learner', 'Slow question', 'done'],
      ['coach', 'Finished later.', 'done'],
    ]);
    expect(socket.sent).toHaveLength(1);
  });

  it('stops an answer on request, telling the server to stop it, ignores the rest of it, then answers the next message', async () => {
    const { socket, chat } = await setUp();
    chat.send('Long question');
    chat.onFrame(token('Part one. '));
    chat.stop();
    expect(chat.snapshot().answering).toBe(false);
    expect(JSON.parse(socket.sent[1])).toEqual({ type: 'stop', sessionId: 's1' });
    chat.onFrame(token('Part two.'));
    chat.onFrame(answer());
    expect(transcript(chat)).toEqual([
      ['learner', 'Long question', 'done'],
      ['coach', 'Part one. ', 'stopped'],
    ]);

    chat.send('Next');
    chat.onFrame(token('Next answer.'));
    chat.onFrame(answer());
    expect(transcript(chat).at(-1)).toEqual(['coach', 'Next answer.', 'done']);
    expect(socket.sent).toHaveLength(3);
  });

  it('shows a stored answer that was stopped as stopped', async () => {
    const { server, chat } = await setUp([['learner', 'Long question']]);
    server.messages.push({ id: 'm1', position: 1, role: 'coach', content: 'Part one. ', model: 'openai:gpt-4o-mini', stopped: true });
    await chat.open('s1');
    expect(transcript(chat)).toEqual([
      ['learner', 'Long question', 'done'],
      ['coach', 'Part one. ', 'stopped'],
    ]);
  });

  it('shows a refused message as the server worded it and sends it again on request', async () => {
    const { socket, chat } = await setUp();
    chat.send('Too fast');
    chat.onFrame(JSON.stringify({ event: 'error', data: { type: '/problems/rate-limited', title: 'Too many messages', status: 429, detail: 'You can send more messages in 12 s' } }));
    const failed = chat.snapshot().messages[0];
    expect(failed).toMatchObject({ status: 'failed', error: 'You can send more messages in 12 s.' });
    expect(chat.snapshot().answering).toBe(false);

    chat.retry(failed.key);
    expect(socket.sent).toHaveLength(2);
    expect(transcript(chat)).toEqual([['learner', 'Too fast', 'sent']]);
  });

  it('ignores frames that are not JSON or of an unknown kind', async () => {
    const { chat } = await setUp();
    chat.send('q');
    chat.onFrame('{oops');
    chat.onFrame(JSON.stringify({ event: 'mystery', data: 1 }));
    expect(transcript(chat)).toEqual([['learner', 'q', 'sent']]);
  });
});
