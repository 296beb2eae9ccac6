/**
 * Reads a server-sent events body frame by frame, as a browser's EventSource parses it (only the
 * fields this app sends: id, event, data, retry, comments). For tests and benches; the app's client is
 * the browser's own EventSource.
 */
export interface SseFrame {
  id?: string;
  /** A named event (`reconnect`, the last one of a stream whose server stops). */
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private text = "";

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next frame, or null when the stream ended. */
  async next(): Promise<SseFrame | null> {
    for (;;) {
      const end = this.text.indexOf("\n\n");
      if (end >= 0) {
        const raw = this.text.slice(0, end);
        this.text = this.text.slice(end + 2);
        return parseFrame(raw);
      }
      const { done, value } = await this.reader.read();
      if (done) return null;
      this.text += this.decoder.decode(value, { stream: true });
    }
  }

  /** Frames until one matches (returned), skipping the others; null if the stream ends first. */
  async until(match: (f: SseFrame) => boolean): Promise<SseFrame | null> {
    for (;;) {
      const f = await this.next();
      if (f === null || match(f)) return f;
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

function parseFrame(raw: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of raw.split("\n")) {
    if (line.startsWith(":")) frame.comment = line.slice(1).trim();
    else if (line.startsWith("id: ")) frame.id = line.slice(4);
    else if (line.startsWith("event: ")) frame.event = line.slice(7);
    else if (line.startsWith("data: ")) frame.data = (frame.data === undefined ? "" : `${frame.data}\n`) + line.slice(6);
    else if (line.startsWith("retry: ")) frame.retry = Number(line.slice(7));
  }
  return frame;
}
