import "server-only";

/**
 * What crosses between event buses: a notice that something changed, never the changed thing
 * itself. Each bus loads what it publishes (the job as GET /api/jobs/{id} returns it), so a
 * notice stays small enough for PostgreSQL's NOTIFY (8,000 bytes at most) and an instance never
 * has to trust another one's serialisation of a row it can read itself.
 */
export type ChangeNotice =
  | { kind: "job"; jobId: string }
  | { kind: "sweep"; sweepId: string }
  /** The run queue moved (runs were sent, put back or cancelled): waiting runs' places changed. */
  | { kind: "queue" };

/**
 * Said by a transport itself, never sent: notices may have been lost (its connection to the other
 * instances was down), so what clients show must be read again.
 */
export type ResyncSignal = { kind: "resync" };

/** What a listener hears: a notice from any instance, or the transport's own resync. */
export type HeardNotice = ChangeNotice | ResyncSignal;

/**
 * How notices travel between the buses of every instance sharing a database: in-process below
 * (one instance: PGlite, or tests), PostgreSQL LISTEN/NOTIFY in pg-transport.ts (README.md,
 * "Between instances").
 */
export interface EventTransport {
  /** Delivers the notice to every listener of every instance, this one's included, once. */
  send(notice: ChangeNotice): void;
  /** Starts delivering notices to `onNotice`; the function returned stops it. */
  listen(onNotice: (notice: HeardNotice) => void): () => void;
}

/** One process: notices go straight to the listeners, in the order they were sent. */
export class InProcessTransport implements EventTransport {
  protected readonly listeners = new Set<(notice: HeardNotice) => void>();

  send(notice: ChangeNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  listen(onNotice: (notice: HeardNotice) => void): () => void {
    this.listeners.add(onNotice);
    return () => this.listeners.delete(onNotice);
  }

  /** Nothing to let go but the listeners (the same shape as PgTransport.close). */
  async close(): Promise<void> {
    this.listeners.clear();
  }
}
