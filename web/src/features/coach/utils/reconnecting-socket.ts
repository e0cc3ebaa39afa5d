export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type SocketListener = {
  onFrame: (data: string) => void;
  onState: (state: ConnectionState) => void;
};

export type SocketOptions = {
  openSocket?: (url: string) => WebSocket;
  /** Waits before each reconnection attempt; the last one repeats. */
  delaysMs?: number[];
};

const DEFAULT_DELAYS = [250, 1000, 2000, 5000, 10000];

/**
 * A WebSocket that comes back after it drops: it reconnects with growing pauses (at once when the
 * browser comes back online) and reports its state, so callers can resynchronise what was in flight.
 * Frames are sent only while it is open; {@link send} says whether one went out.
 */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  state: ConnectionState = 'connecting';

  constructor(
    private readonly url: () => string | Promise<string>,
    private readonly listener: SocketListener,
    private readonly options: SocketOptions = {},
  ) {}

  start(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
    }
    this.connect();
  }

  private readonly onOnline = () => {
    if (this.state === 'reconnecting') {
      clearTimeout(this.timer);
      this.connect();
    }
  };

  private setState(state: ConnectionState) {
    if (this.state !== state) {
      this.state = state;
      this.listener.onState(state);
    }
  }

  private connect() {
    if (this.closed) {
      return;
    }
    let url: string | Promise<string>;
    try {
      url = this.url();
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (typeof url === 'string') {
      this.openAt(url);
    } else {
      // e.g. the access token is renewed first
      url.then(
        (resolved) => this.openAt(resolved),
        () => this.scheduleReconnect(),
      );
    }
  }

  private openAt(url: string) {
    if (this.closed) {
      return;
    }
    const open = this.options.openSocket ?? ((address: string) => new WebSocket(address));
    let socket: WebSocket;
    try {
      socket = open(url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('open');
    };
    socket.onmessage = (event: MessageEvent) => this.listener.onFrame(String(event.data));
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
        this.scheduleReconnect();
      }
    };
    socket.onerror = () => {
      // a close event follows; reconnection starts there
    };
  }

  private scheduleReconnect() {
    if (this.closed) {
      return;
    }
    this.setState('reconnecting');
    const delays = this.options.delaysMs ?? DEFAULT_DELAYS;
    const delay = delays[Math.min(this.attempt, delays.length - 1)];
    this.attempt += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  send(data: string): boolean {
    if (this.state !== 'open' || !this.socket || this.socket.readyState !== 1) {
      return false;
    }
    this.socket.send(data);
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
    }
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
    }
    this.setState('closed');
  }
}
