import "server-only";

/**
 * Instances sharing a database learn of each other's work only through it. A run admitted on A
 * waits for A's queue to send it; a job A sent is polled by A's tracker, which holds it with a
 * lease. When A dies its leases run out, but B's tracker and queue sleep until something of
 * their own wakes them (an idle process keeps no timers), so nobody would take A's work over.
 *
 * With a shared database, then, each instance looks once every lease time: a tracker pass and a
 * queue pass. Each claims only what is due and not leased by a live instance (SKIP LOCKED), so
 * a look costs one small query when there is nothing to take; A's job is taken over within one
 * lease time of A's lease running out. Kicking a stopped tracker or queue does nothing, so a
 * drained instance may leave this running; the timer does not keep the process alive.
 */
export function watchPeers(opts: { everyMs: number; tracker: { kick(): void }; queue: { kick(): void } }): () => void {
  const timer = setInterval(() => {
    opts.tracker.kick();
    opts.queue.kick();
  }, opts.everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
