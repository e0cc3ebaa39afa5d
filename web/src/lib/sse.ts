/**
 * Server-sent events (the WHATWG event-stream format) read from a fetch() body, for streams that
 * need the app's bearer token (EventSource cannot send it). Lines end in LF, CRLF or CR, also when
 * a chunk ends between the CR and the LF; {@code data} lines of one event are joined with LF;
 * comments and unknown fields are skipped; an event the stream cuts off is never dispatched.
 */
export type SseEvent = { event: string; data: string; id?: string };

export class SseParser {
  private partial = '';
  private afterCr = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  /** The events completed by {@code chunk}, in order; the rest waits for the next chunk. */
  push(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (this.afterCr && text.startsWith('\n')) {
      text = text.slice(1);
    }
    this.afterCr = false;
    text = this.partial + text;
    let start = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      this.line(text.slice(start, i), events);
      if (c === '\r') {
        if (i + 1 === text.length) {
          this.afterCr = true;
        } else if (text[i + 1] === '\n') {
          i += 1;
        }
      }
      start = i + 1;
    }
    this.partial = text.slice(start);
    return events;
  }

  private line(line: string, events: SseEvent[]) {
    if (line === '') {
      if (this.data.length > 0) {
        events.push({ event: this.event || 'message', data: this.data.join('\n'), ...(this.id === undefined ? {} : { id: this.id }) });
      }
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.event = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id' && !value.includes('\0')) {
      this.id = value;
    }
  }
}

/**
 * The events of {@code body} as they arrive, decoded as UTF-8 across chunk boundaries. Stops
 * reading (and cancels the body) when the caller stops iterating.
 */
export async function* eventsOf(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        yield* parser.push(decoder.decode());
        return;
      }
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    if (!finished) {
      reader.cancel().catch(() => {});
    }
    reader.releaseLock();
  }
}
