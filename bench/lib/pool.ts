/**
 * Runs `count` tasks with at most `concurrency` in flight. Bounded in time too: once `deadline`
 * (epoch ms) passes no new task starts, and the pool throws after the running ones settle.
 * A task that throws stops the pool from starting more and its error is rethrown.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  deadline: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < count) {
      if (Date.now() > deadline) {
        failure ??= new Error(`time limit reached after ${next} of ${count} tasks`);
        return;
      }
      const i = next++;
      try {
        results[i] = await task(i);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}
