import { z } from 'zod';
import { ApiError, errorSentence } from '../../../lib/api-client';
import { AnswerEventSchema, type Allowance, type Citation, type LearnerContext, type SessionView } from '../api/coaching';
import type { ConnectionState } from './reconnecting-socket';

export type MessageStatus = 'queued' | 'sent' | 'streaming' | 'done' | 'stopped' | 'failed' | 'recovering';

export type ChatMessage = {
  key: string;
  role: 'learner' | 'coach';
  content: string;
  status: MessageStatus;
  model?: string | null;
  citations?: Citation[];
  error?: string;
};

export type ChatState = {
  sessionId: string | null;
  messages: ChatMessage[];
  connection: ConnectionState;
  /** A learner message is waiting for (or receiving) its answer: sending another must wait. */
  answering: boolean;
  loading: boolean;
  error?: string;
  model?: string;
  allowance?: Allowance | null;
  /** What a screen reader should hear now (start of an answer, then the whole answer). */
  announcement: string;
};

/** The socket as the chat needs it. */
export type ChatSocket = { send(data: string): boolean; state: ConnectionState };

export type ChatDeps = {
  getSession: (id: string) => Promise<SessionView>;
  /** Waits between session reads while an interrupted answer is being finished by the server. */
  recoverPollMs?: number;
  recoverAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
};

const ServerFrame = z.object({ event: z.string(), data: z.unknown() });
const TokenData = z.object({ text: z.string() });
const ProblemData = z.looseObject({ type: z.string().optional(), title: z.string().optional(), status: z.number().optional(), detail: z.string().optional() });

type InFlight = {
  key: string;
  content: string;
  context?: LearnerContext;
  /** How many messages the server's session held when this one was sent. */
  baseCount: number;
};

/**
 * One coaching conversation over a reconnecting WebSocket. The session stored on the server is the
 * truth: after a dropped connection the chat reads it back, keeps what was confirmed, resends a
 * message only if the server never received it, and waits for an answer the server was still
 * writing, so nothing is lost and nothing is sent or shown twice.
 */
export class CoachChat {
  private state: ChatState = { sessionId: null, messages: [], connection: 'connecting', answering: false, loading: false, announcement: '' };
  private listeners = new Set<() => void>();
  private inFlight: InFlight | null = null;
  private serverCount = 0;
  private ignoringStopped = false;
  private localKeys = 0;
  private syncing: Promise<void> | null = null;
  private citationsByContent = new Map<string, Citation[]>();

  private socket: ChatSocket = { send: () => false, state: 'connecting' };

  constructor(private readonly deps: ChatDeps) {}

  /** Sends through {@code socket} from now on (a new one after each mount). */
  attach(socket: ChatSocket): void {
    this.socket = socket;
  }

  snapshot = (): ChatState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<ChatState>) {
    this.state = { ...this.state, ...change };
    this.listeners.forEach((l) => l());
  }

  private patchMessage(key: string, change: Partial<ChatMessage>) {
    this.update({ messages: this.state.messages.map((m) => (m.key === key ? { ...m, ...change } : m)) });
  }

  private answerKey(key: string) {
    return `${key}:answer`;
  }

  /** Shows a session: its stored messages, then whatever is streamed into it. */
  async open(sessionId: string | null): Promise<void> {
    this.inFlight = null;
    this.ignoringStopped = false;
    this.serverCount = 0;
    this.update({ sessionId, messages: [], answering: false, error: undefined, loading: sessionId !== null });
    if (sessionId) {
      await this.resync();
    }
  }

  private fromServer(view: SessionView): ChatMessage[] {
    return view.messages
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((m) => ({
        key: m.id,
        role: m.role === 'learner' ? 'learner' : 'coach',
        content: m.content,
        status: m.stopped ? 'stopped' : 'done',
        model: m.model,
        citations: m.role === 'learner' ? undefined : this.citationsByContent.get(m.content),
      }));
  }

  /** Reads the session back and reconciles what was in flight with what the server stored. */
  resync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.doResync().finally(() => {
        this.syncing = null;
      });
    }
    return this.syncing;
  }

  private async doResync(): Promise<void> {
    const sessionId = this.state.sessionId;
    if (!sessionId) {
      return;
    }
    let view: SessionView;
    try {
      view = await this.deps.getSession(sessionId);
    } catch (error) {
      this.update({ loading: false, error: errorSentence(error) });
      return;
    }
    if (this.state.sessionId !== sessionId) {
      return;
    }
    const stored = this.fromServer(view);
    const flight = this.inFlight;
    if (!flight) {
      this.serverCount = stored.length;
      this.update({ messages: stored, loading: false, error: undefined });
      return;
    }
    const learner = this.state.messages.find((m) => m.key === flight.key);
    if (learner?.status === 'queued') {
      // never went out: keep it queued after what the server has, and send it now
      this.serverCount = stored.length;
      flight.baseCount = stored.length;
      this.update({ messages: [...stored, learner], loading: false });
      this.flush();
      return;
    }
    const received = view.messages.find((m) => m.position >= flight.baseCount && m.role === 'learner' && m.content === flight.content);
    if (!received) {
      // the connection dropped before the server stored it: send it again (it cannot be there twice)
      this.serverCount = stored.length;
      flight.baseCount = stored.length;
      this.update({ messages: [...stored, { ...(learner as ChatMessage), status: 'queued', error: undefined }], loading: false });
      this.flush();
      return;
    }
    const answered = view.messages.some((m) => m.position > received.position && m.role !== 'learner');
    if (answered) {
      this.inFlight = null;
      this.serverCount = stored.length;
      this.update({ messages: stored, answering: false, loading: false, announcement: this.announce(stored) });
      return;
    }
    // stored, but its answer is still being written by the server (to the connection that dropped)
    const partial = this.state.messages.find((m) => m.key === this.answerKey(flight.key));
    const waiting: ChatMessage = { key: this.answerKey(flight.key), role: 'coach', content: partial?.content ?? '', status: 'recovering' };
    this.update({
      messages: [...stored.map((m) => (m.key === received.id ? { ...m, key: flight.key } : m)), waiting],
      loading: false,
    });
    await this.awaitStoredAnswer(sessionId, received.position);
  }

  private async awaitStoredAnswer(sessionId: string, learnerPosition: number) {
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const attempts = this.deps.recoverAttempts ?? 60;
    for (let i = 0; i < attempts; i += 1) {
      await sleep(this.deps.recoverPollMs ?? 1500);
      if (this.state.sessionId !== sessionId || !this.inFlight) {
        return;
      }
      try {
        const view = await this.deps.getSession(sessionId);
        if (view.messages.some((m) => m.position > learnerPosition && m.role !== 'learner')) {
          const stored = this.fromServer(view);
          this.inFlight = null;
          this.serverCount = stored.length;
          this.update({ messages: stored, answering: false, error: undefined, announcement: this.announce(stored) });
          return;
        }
      } catch {
        // still offline or the server is busy: try again
      }
    }
    const flight = this.inFlight;
    if (flight) {
      this.inFlight = null;
      this.patchMessage(this.answerKey(flight.key), { status: 'failed', error: 'The answer did not arrive. Send your message again.' });
      this.update({ answering: false });
    }
  }

  private announce(messages: ChatMessage[]): string {
    const last = messages[messages.length - 1];
    return last && last.role === 'coach' ? `The coach answered: ${last.content}` : '';
  }

  /** Sends a message in the open session (queued until the connection is open). */
  send(content: string, context?: LearnerContext): void {
    const text = content.trim();
    if (!text || this.state.answering || !this.state.sessionId) {
      return;
    }
    const key = `local-${(this.localKeys += 1)}`;
    this.inFlight = { key, content: text, context, baseCount: this.serverCount };
    this.update({
      messages: [...this.state.messages, { key, role: 'learner', content: text, status: 'queued' }],
      answering: true,
      error: undefined,
      announcement: '',
    });
    this.flush();
  }

  /** Sends the queued message if the connection is open. */
  flush(): void {
    const flight = this.inFlight;
    if (!flight || !this.state.sessionId) {
      return;
    }
    const learner = this.state.messages.find((m) => m.key === flight.key);
    if (learner?.status !== 'queued') {
      return;
    }
    const frame = JSON.stringify({ sessionId: this.state.sessionId, message: flight.content, context: flight.context });
    if (this.socket.send(frame)) {
      this.patchMessage(flight.key, { status: 'sent' });
      this.update({ announcement: 'The coach is answering…' });
    }
  }

  /**
   * Stops the answer being streamed: the server cancels the model's stream and stores the part
   * written so far, marked as stopped; tokens already on their way are not shown.
   */
  stop(): void {
    const flight = this.inFlight;
    if (!flight) {
      return;
    }
    const answerKey = this.answerKey(flight.key);
    const learner = this.state.messages.find((m) => m.key === flight.key);
    if (learner?.status === 'queued') {
      // not sent yet: simply take it back
      this.inFlight = null;
      this.update({ messages: this.state.messages.filter((m) => m.key !== flight.key), answering: false });
      return;
    }
    this.inFlight = null;
    this.ignoringStopped = true;
    this.serverCount += 2;
    if (this.state.sessionId) {
      this.socket.send(JSON.stringify({ type: 'stop', sessionId: this.state.sessionId }));
    }
    const hasAnswer = this.state.messages.some((m) => m.key === answerKey);
    const messages = this.state.messages.map((m) =>
      m.key === flight.key ? { ...m, status: 'done' as const } : m.key === answerKey ? { ...m, status: 'stopped' as const } : m,
    );
    this.update({
      messages: hasAnswer ? messages : [...messages, { key: answerKey, role: 'coach', content: '', status: 'stopped' }],
      answering: false,
      announcement: 'Stopped.',
    });
  }

  /** Called by the socket for each frame. */
  onFrame(raw: string): void {
    let frame;
    try {
      frame = ServerFrame.parse(JSON.parse(raw));
    } catch {
      return;
    }
    if (frame.event === 'token') {
      const token = TokenData.safeParse(frame.data);
      if (token.success) {
        this.onToken(token.data.text);
      }
    } else if (frame.event === 'answer') {
      const answer = AnswerEventSchema.safeParse(frame.data);
      this.onAnswer(answer.success ? answer.data : null);
    } else if (frame.event === 'error') {
      const problem = ProblemData.safeParse(frame.data);
      this.onError(problem.success ? problem.data : {});
    }
  }

  private onToken(text: string) {
    const flight = this.inFlight;
    if (this.ignoringStopped || !flight) {
      return;
    }
    const key = this.answerKey(flight.key);
    const existing = this.state.messages.find((m) => m.key === key);
    if (existing) {
      this.patchMessage(key, { content: existing.content + text, status: 'streaming' });
    } else {
      this.update({ messages: [...this.state.messages, { key, role: 'coach', content: text, status: 'streaming' }] });
    }
  }

  private onAnswer(answer: z.infer<typeof AnswerEventSchema> | null) {
    if (answer?.allowance) {
      this.update({ allowance: answer.allowance });
    }
    if (answer) {
      this.update({ model: answer.model });
    }
    if (this.ignoringStopped) {
      this.ignoringStopped = false;
      return;
    }
    const flight = this.inFlight;
    if (!flight) {
      return;
    }
    this.inFlight = null;
    this.serverCount += 2;
    const key = this.answerKey(flight.key);
    const content = this.state.messages.find((m) => m.key === key)?.content ?? '';
    const citations = answer?.citations ?? [];
    if (citations.length > 0) {
      this.citationsByContent.set(content, citations);
    }
    const messages = this.state.messages.map((m) =>
      m.key === flight.key ? { ...m, status: 'done' as const } : m,
    );
    const done: ChatMessage = { key, role: 'coach', content, status: 'done', model: answer?.model, citations };
    this.update({
      messages: messages.some((m) => m.key === key) ? messages.map((m) => (m.key === key ? done : m)) : [...messages, done],
      answering: false,
      announcement: `The coach answered: ${content}`,
    });
  }

  private onError(problem: z.infer<typeof ProblemData>) {
    const sentence = new ApiError({
      status: problem.status ?? 0,
      type: problem.type ?? 'about:blank',
      title: problem.title ?? 'The coach could not answer',
      detail: problem.detail,
    }).message;
    const flight = this.inFlight;
    if (!flight) {
      this.update({ error: sentence });
      return;
    }
    this.inFlight = null;
    const key = this.answerKey(flight.key);
    if (this.state.messages.some((m) => m.key === key)) {
      this.patchMessage(key, { status: 'failed', error: sentence });
      this.serverCount += 1;
    } else {
      this.patchMessage(flight.key, { status: 'failed', error: sentence });
    }
    this.update({ answering: false, announcement: sentence });
  }

  /** Called by the socket when its state changes. */
  onConnection(state: ConnectionState): void {
    const previous = this.state.connection;
    this.update({ connection: state });
    if (state === 'reconnecting' && this.inFlight) {
      const flight = this.inFlight;
      const learner = this.state.messages.find((m) => m.key === flight.key);
      if (learner && learner.status !== 'queued') {
        this.patchMessage(flight.key, { status: 'recovering' });
        const key = this.answerKey(flight.key);
        if (this.state.messages.some((m) => m.key === key)) {
          this.patchMessage(key, { status: 'recovering' });
        }
      }
    }
    if (state === 'open') {
      if (previous === 'reconnecting') {
        this.ignoringStopped = false;
        void this.resync();
      } else {
        this.flush();
      }
    }
  }

  /** Resends a message that failed (rate limit, server busy). */
  retry(key: string): void {
    const failed = this.state.messages.find((m) => m.key === key && m.role === 'learner' && m.status === 'failed');
    if (!failed || this.state.answering) {
      return;
    }
    this.update({ messages: this.state.messages.filter((m) => m.key !== key) });
    this.send(failed.content);
  }
}
