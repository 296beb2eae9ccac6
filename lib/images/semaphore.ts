/**
 * At most `slots` tasks run at once; the others wait in arrival order. Used to bound how many
 * images are decoded at the same time (lib/images/decode-slots.ts), so the memory a burst of
 * requests can take is a small multiple of one decode, not one decode per request.
 */
export interface Semaphore {
  /** Runs `task` once a slot is free and frees the slot when it settles (fulfilled or not). */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

export function createSemaphore(slots: number): Semaphore {
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be a positive integer (got ${slots})`);
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    const next = queue.shift();
    // The slot passes straight to the next waiter, so a newcomer cannot jump the queue.
    if (next) next();
    else active--;
  };

  const acquire = (): Promise<void> => {
    if (active < slots) {
      active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => queue.push(resolve));
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
