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
 * How notices travel between the buses of every instance sharing a database. In-process is the
 * only implementation now; a PostgreSQL one would `NOTIFY playground_events, '<json notice>'` in
 * `send` and `LISTEN` on one dedicated connection in `listen` (README.md, "Between instances").
 */
export interface EventTransport {
  /** Delivers the notice to every listener of every instance, this one's included. */
  send(notice: ChangeNotice): void;
  /** Starts delivering notices to `onNotice`; the function returned stops it. */
  listen(onNotice: (notice: ChangeNotice) => void): () => void;
}

/** One process: notices go straight to the listeners, in the order they were sent. */
export class InProcessTransport implements EventTransport {
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();

  send(notice: ChangeNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  listen(onNotice: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(onNotice);
    return () => this.listeners.delete(onNotice);
  }
}
