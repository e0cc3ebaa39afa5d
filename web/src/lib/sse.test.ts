import { eventsOf, SseParser, type SseEvent } from './sse';

function parseAll(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

function bytes(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      chunks.forEach((c) => controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c));
      controller.close();
    },
  });
}

const STREAM = 'event:agent\ndata:{"agent":"coach","offline":true}\n\nevent:draft\ndata:{"text":"a"}\n\n';

describe('SseParser', () => {
  it('reads named events as Spring writes them', () => {
    expect(parseAll([STREAM])).toEqual([
      { event: 'agent', data: '{"agent":"coach","offline":true}' },
      { event: 'draft', data: '{"text":"a"}' },
    ]);
  });

  it('gives the same events however the stream is cut into chunks, even mid-field', () => {
    const whole = parseAll([STREAM]);
    for (let at = 1; at < STREAM.length; at += 1) {
      expect(parseAll([STREAM.slice(0, at), STREAM.slice(at)])).toEqual(whole);
    }
    expect(parseAll([...STREAM])).toEqual(whole);
  });

  it('holds an event back until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: done\ndata: {"id":1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'done', data: '{"id":1}' }]);
  });

  it('joins multi-line data with line feeds and strips one leading space', () => {
    expect(parseAll(['data: first\ndata:  second\ndata\n\n'])).toEqual([{ event: 'message', data: 'first\n second\n' }]);
  });

  it('accepts CRLF and CR line ends, also with CR and LF in different chunks', () => {
    const crlf = 'event: review\r\ndata: {"text":"x"}\r\n\r\n';
    expect(parseAll([crlf])).toEqual([{ event: 'review', data: '{"text":"x"}' }]);
    for (let at = 1; at < crlf.length; at += 1) {
      expect(parseAll([crlf.slice(0, at), crlf.slice(at)])).toEqual([{ event: 'review', data: '{"text":"x"}' }]);
    }
    expect(parseAll(['data: a\rdata: b\r\r'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('skips comments, unknown fields and events without data, and keeps the last id', () => {
    expect(parseAll([': keep-alive\n\nretry: 10\nevent: agent\n\nid: 7\nfoo: bar\ndata: x\n\n'])).toEqual([
      { event: 'message', data: 'x', id: '7' },
    ]);
  });
});

describe('eventsOf', () => {
  it('decodes UTF-8 split across chunks and drops an event the stream cut off', async () => {
    const text = new TextEncoder().encode('event: draft\ndata: {"text":"Woche für Woche — ✓"}\n\nevent: done\ndata: {"partial"');
    const split = text.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    const events: SseEvent[] = [];
    for await (const event of eventsOf(bytes([text.slice(0, split), text.slice(split)]))) {
      events.push(event);
    }
    expect(events).toEqual([{ event: 'draft', data: '{"text":"Woche für Woche — ✓"}' }]);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of eventsOf(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
