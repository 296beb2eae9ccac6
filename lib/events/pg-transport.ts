import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import type { EventBusOptions } from "./event-bus";
import type { ChangeNotice, EventTransport, HeardNotice } from "./transport";

/**
 * Notices between the instances sharing one PostgreSQL database, by LISTEN/NOTIFY (README.md,
 * "Between instances"):
 * - `send` delivers to this instance's listeners at once, then NOTIFYs the others through a pool
 *   of one connection, one query at a time, so notices arrive everywhere in the order this
 *   instance sent them; what was sent while a query was under way goes in the next one, as one
 *   payload (a tracker pass over 16 jobs is one NOTIFY).
 * - `listen` holds ONE dedicated connection doing LISTEN. Its own notices come back too, marked
 *   with this transport's origin, and are dropped: already delivered. A lost connection is
 *   reopened with a capped backoff; notices sent meanwhile are lost, so after each LISTEN
 *   (the first one too: nothing was heard before it) listeners get `{ kind: "resync" }`.
 */
export const EVENTS_CHANNEL = "playground_events";

/** NOTIFY refuses a payload of 8,000 bytes or more; a burst is split below this. */
export const MAX_PAYLOAD_BYTES = 7000;

const noticeSchema = z.discriminatedUnion("kind", [
  // Ids are uuids: anything else would make the loader's query fail, and every client reset.
  z.object({ kind: z.literal("job"), jobId: z.guid() }),
  z.object({ kind: z.literal("sweep"), sweepId: z.guid() }),
  z.object({ kind: z.literal("queue") }),
]);
// Each notice is checked on its own: one an instance of another version sends (a kind this one
// does not know) costs that notice, not the ones beside it.
const payloadSchema = z.object({ from: z.string().min(1).max(100), notices: z.array(z.unknown()).min(1).max(1000) });

/** A payload as heard: who sent it, its valid notices in order, and how many others it held. */
export interface HeardPayload {
  from: string;
  notices: ChangeNotice[];
  dropped: number;
}

type Log = NonNullable<EventBusOptions["log"]>;

export interface PgTransportOptions {
  databaseUrl: string;
  log?: Log;
  /** In pg_stat_activity: `<name>:listen` and `<name>:notify`. */
  applicationName?: string;
  /** Delays before reopening the LISTEN connection: the first, doubling up to the last (ms). */
  reconnectMs?: { first: number; max: number };
  /**
   * The LISTEN connection only waits, so a peer gone without a word (a NAT or firewall that
   * dropped it, a failover) would go unnoticed: it is asked `select 1` this often (ms) …
   */
  heartbeatMs?: number;
  /** … and replaced when the answer takes longer than this (ms). */
  heartbeatTimeoutMs?: number;
}

/** How long a goodbye (client.end, pool.end) may take before the connection is cut or left. */
const END_MS = 1000;

// A server with idle_session_timeout (PostgreSQL 14+) would end the LISTEN connection, which is
// idle by design, every so often; older servers do not know the setting (null: nothing set).
const KEEP_IDLE_SESSION = "select set_config('idle_session_timeout', '0', false) where current_setting('idle_session_timeout', true) is not null";

export class PgTransport implements EventTransport {
  /** Marks this transport's payloads: delivered when sent, dropped when heard back. */
  private readonly origin = randomUUID();
  private readonly listeners = new Set<(notice: HeardNotice) => void>();
  private readonly pool: pg.Pool;
  private readonly log: Log;
  private readonly name: string;
  private readonly reconnectMs: { first: number; max: number };
  private outbox: ChangeNotice[] = [];
  private sending: Promise<void> | undefined;
  private listening: { stop: AbortController; done: Promise<void> } | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly opts: PgTransportOptions) {
    this.log = opts.log ?? (() => {});
    this.name = opts.applicationName ?? "nova-playground";
    this.reconnectMs = opts.reconnectMs ?? { first: 250, max: 10_000 };
    this.pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      application_name: `${this.name}:notify`,
      max: 1,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
    });
    // An idle connection the server ended: the pool opens another on the next send.
    this.pool.on("error", (error) => this.log("warn", "events.notify_connection_lost", { error }));
  }

  send(notice: ChangeNotice): void {
    if (this.closing) return;
    this.deliver(notice);
    this.outbox.push(notice);
    this.sending ??= this.drainOutbox();
  }

  listen(onNotice: (notice: HeardNotice) => void): () => void {
    this.listeners.add(onNotice);
    if (!this.listening && !this.closing) {
      const stop = new AbortController();
      this.listening = { stop, done: this.holdListener(stop.signal) };
    }
    return () => {
      this.listeners.delete(onNotice);
      if (this.listeners.size === 0) void this.stopListening();
    };
  }

  /** Resolves when every notice sent so far has been NOTIFYed (or dropped with a log line). */
  async flushed(): Promise<void> {
    while (this.sending) await this.sending;
  }

  /**
   * For good (shutdown): nothing more is delivered or accepted; what was sent before still goes
   * out; resolves when both connections are closed. When the database does not answer, within
   * about 6 s (a NOTIFY's timeout, then a second for the goodbyes).
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.listeners.clear();
      const listening = this.stopListening();
      await this.flushed();
      // A pool whose connection went silent would wait for its goodbye forever.
      await Promise.all([listening, within(this.pool.end(), END_MS)]);
    })();
    return this.closing;
  }

  private stopListening(): Promise<void> {
    const held = this.listening;
    this.listening = undefined;
    held?.stop.abort();
    return held?.done ?? Promise.resolve();
  }

  private deliver(notice: HeardNotice): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(notice);
      } catch (error) {
        this.log("error", "events.listener_failed", { error });
      }
    }
  }

  /** One query at a time, in order; each takes everything sent while the previous one ran. */
  private async drainOutbox(): Promise<void> {
    // Never synchronous: `send` stores this promise as `sending` before it ends.
    await null;
    try {
      while (this.outbox.length > 0) {
        const batch = this.outbox;
        this.outbox = [];
        for (const payload of toPayloads(this.origin, batch)) {
          try {
            await this.pool.query("select pg_notify($1, $2)", [EVENTS_CHANNEL, payload]);
          } catch (error) {
            // The other instances miss these; when the database itself was down, their listeners
            // were cut off too and resync when they are back.
            this.log("warn", "events.notify_failed", { error, bytes: Buffer.byteLength(payload) });
          }
        }
      }
    } finally {
      this.sending = undefined;
    }
  }

  /** Keeps one LISTEN connection open until `stop`, reopening it after a loss. */
  private async holdListener(stop: AbortSignal): Promise<void> {
    let failures = 0;
    while (!stop.aborted) {
      const { heldMs, error } = await this.listenOnce(stop);
      if (stop.aborted) return;
      // A connection that lasted is a new start; one lost at once keeps the backoff growing.
      if (heldMs !== null && heldMs > this.reconnectMs.max) failures = 0;
      const delay = backoffDelay(failures++, this.reconnectMs);
      this.log("warn", heldMs === null ? "events.listen_failed" : "events.listen_lost", { error, retryInMs: Math.round(delay) });
      await abortableDelay(delay, stop);
    }
  }

  /** One connection: connect, LISTEN, say resync, wait until it is lost or stopped. */
  private async listenOnce(stop: AbortSignal): Promise<{ heldMs: number | null; error: unknown }> {
    const client = new pg.Client({
      connectionString: this.opts.databaseUrl,
      application_name: `${this.name}:listen`,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 30_000,
      // Every query on it is a quick one: set-up, LISTEN, the heartbeat.
      query_timeout: this.opts.heartbeatTimeoutMs ?? 10_000,
    });
    let lose: (error: unknown) => void = () => {};
    const lost = new Promise<unknown>((resolve) => (lose = resolve));
    client.on("error", (error) => lose(error));
    client.on("end", () => lose(new Error("the LISTEN connection ended")));
    client.on("notification", (message) => this.onNotification(message));
    const stopped = () => lose(undefined);
    stop.addEventListener("abort", stopped, { once: true });
    let heartbeat: NodeJS.Timeout | undefined;
    let over = false;
    const ping = () => {
      if (over) return;
      heartbeat = setTimeout(() => {
        client.query("select 1").then(ping, lose);
      }, this.opts.heartbeatMs ?? 30_000);
      heartbeat.unref();
    };
    let listenedAt: number | undefined;
    try {
      const ready = (async () => {
        await client.connect();
        await client.query(KEEP_IDLE_SESSION);
        await client.query(`listen ${EVENTS_CHANNEL}`);
      })();
      ready.catch(() => {});
      // Stopped, or cut, while connecting: connect() may never answer.
      await Promise.race([ready, lost.then((error) => Promise.reject(error))]);
      listenedAt = Date.now();
      if (stop.aborted) return { heldMs: 0, error: undefined };
      this.log("info", "events.listening", {});
      this.deliver({ kind: "resync" });
      ping();
      const error = await lost;
      return { heldMs: Date.now() - listenedAt, error };
    } catch (error) {
      return { heldMs: listenedAt === undefined ? null : Date.now() - listenedAt, error };
    } finally {
      over = true;
      lose = () => {};
      clearTimeout(heartbeat);
      stop.removeEventListener("abort", stopped);
      await endClient(client);
    }
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel !== EVENTS_CHANNEL || this.closing) return;
    const payload = parsePayload(message.payload ?? "");
    // Anyone who may connect can NOTIFY this channel: what is not a notice is dropped, not trusted
    // (the log line gives sizes, never the text).
    if (!payload || payload.dropped > 0) {
      this.log("warn", "events.notice_malformed", { bytes: Buffer.byteLength(message.payload ?? ""), dropped: payload?.dropped ?? "all" });
    }
    if (!payload || payload.from === this.origin) return;
    for (const notice of payload.notices) this.deliver(notice);
  }
}

/** The notices as NOTIFY payloads, in order, each below MAX_PAYLOAD_BYTES. */
export function toPayloads(from: string, notices: readonly ChangeNotice[]): string[] {
  const head = `{"from":${JSON.stringify(from)},"notices":[`;
  const payloads: string[] = [];
  let parts: string[] = [];
  let bytes = Buffer.byteLength(head) + 2;
  for (const notice of notices) {
    const part = JSON.stringify(notice);
    const size = Buffer.byteLength(part) + 1;
    if (parts.length > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(`${head}${parts.join(",")}]}`);
      parts = [];
      bytes = Buffer.byteLength(head) + 2;
    }
    parts.push(part);
    bytes += size;
  }
  if (parts.length > 0) payloads.push(`${head}${parts.join(",")}]}`);
  return payloads;
}

/** A payload's valid notices, or null when it is not a payload at all. */
export function parsePayload(text: string): HeardPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const notices = parsed.data.notices.flatMap((n) => {
    const notice = noticeSchema.safeParse(n);
    return notice.success ? [notice.data] : [];
  });
  return { from: parsed.data.from, notices, dropped: parsed.data.notices.length - notices.length };
}

/** `first` doubled per failure up to `max`, the upper half of it at random (instances that lost the server together do not all come back at once). */
export function backoffDelay(failures: number, { first, max }: { first: number; max: number }, random = Math.random): number {
  const ceiling = Math.min(max, first * 2 ** failures);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Ends a connection politely, or cuts it: a silent peer would keep end() waiting forever. */
async function endClient(client: pg.Client): Promise<void> {
  await within(client.end(), END_MS);
  client.connection.stream.destroy();
}

/** Waits for `promise`, or `ms` at most. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener("abort", done, { once: true });
  });
}
