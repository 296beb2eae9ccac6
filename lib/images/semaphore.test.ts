import { describe, expect, it } from "vitest";
import { createSemaphore } from "./semaphore";

/** A task that runs until `finish()` is called; `started` tells whether it has begun. */
function gate() {
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const state = { started: false };
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const task = () => {
    state.started = true;
    return done;
  };
  return { task, finish, fail, state };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("createSemaphore", () => {
  it("runs at most `slots` tasks at once and starts waiters in arrival order", async () => {
    const sem = createSemaphore(2);
    const tasks = [gate(), gate(), gate(), gate()];
    const runs = tasks.map((t) => sem.run(t.task));
    await settle();
    expect(tasks.map((t) => t.state.started)).toEqual([true, true, false, false]);
    expect([sem.active, sem.waiting]).toEqual([2, 2]);

    tasks[1].finish();
    await settle();
    expect(tasks.map((t) => t.state.started)).toEqual([true, true, true, false]);
    expect([sem.active, sem.waiting]).toEqual([2, 1]);

    tasks[0].finish();
    tasks[2].finish();
    await settle();
    expect(tasks[3].state.started).toBe(true);
    tasks[3].finish();
    await Promise.all(runs);
    expect([sem.active, sem.waiting]).toEqual([0, 0]);
  });

  it("frees the slot when a task fails, and passes the failure on", async () => {
    const sem = createSemaphore(1);
    const first = gate();
    const second = gate();
    const a = sem.run(first.task);
    const b = sem.run(second.task);
    await settle();
    expect(second.state.started).toBe(false);
    first.fail(new Error("decode failed"));
    await expect(a).rejects.toThrow("decode failed");
    await settle();
    expect(second.state.started).toBe(true);
    second.finish();
    await b;
    expect(sem.active).toBe(0);
  });

  it("frees the slot when a task throws before returning a promise", async () => {
    const sem = createSemaphore(1);
    await expect(sem.run(() => { throw new Error("sync"); })).rejects.toThrow("sync");
    expect(sem.active).toBe(0);
    await expect(sem.run(async () => 7)).resolves.toBe(7);
  });

  it("refuses a slot count that is not a positive integer", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => createSemaphore(n)).toThrow(RangeError);
  });
});
