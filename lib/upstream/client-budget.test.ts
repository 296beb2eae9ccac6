import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import { AppError } from "@/lib/errors";
import { novaCanvas } from "@/lib/models";
import { createUpstreamClient, type BudgetedKind, type UpstreamBudget } from "./client";

/**
 * The client's request-budget hook, against the real offline engine: every request to the
 * gateway takes one request first (retries take again), output downloads take none, a prepaid
 * call takes none and tries once, and every 429 reports its Retry-After to the budget.
 */
const KEY = "sk-client-budget-test";
const PAYLOAD = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk", seed: 1 };

class CountingBudget implements UpstreamBudget {
  readonly acquired: BudgetedKind[] = [];
  readonly limited: (number | undefined)[] = [];
  async acquire(kind: BudgetedKind): Promise<void> {
    this.acquired.push(kind);
  }
  async rateLimited(retryAfterMs: number | undefined): Promise<void> {
    this.limited.push(retryAfterMs);
  }
}

describe("upstream client with a request budget", () => {
  let engine: EngineHandle;

  beforeAll(async () => {
    engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 20, max: 40 }, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await engine.close();
  });

  function client(faults = "") {
    const budget = new CountingBudget();
    const slept: number[] = [];
    const c = createUpstreamClient({
      baseUrl: engine.url,
      apiKey: KEY,
      timeoutMs: 10_000,
      budget,
      headers: faults ? { "x-engine-faults": faults } : {},
      backoff: { baseMs: 1, maxMs: 2 },
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    return { c, budget, slept };
  }

  it("takes one request per catalog read, submit, poll and sync call, and none for downloads", async () => {
    const { c, budget } = client();
    expect((await c.listModels()).length).toBeGreaterThan(0);
    await c.getModelDetail(novaCanvas.id);
    const { jobId } = await c.submit(PAYLOAD);
    await c.getJob(jobId);
    const sync = await c.generateSync(PAYLOAD);
    expect(budget.acquired).toEqual(["catalog", "catalog", "submit", "poll", "sync"]);

    // The outputs are signed URLs off the gateway's account: downloading takes nothing.
    const output = sync.outputs[0];
    if (output?.kind !== "url") throw new Error("expected a URL output");
    const file = await c.download(output.url);
    expect(file.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(budget.acquired).toHaveLength(5);
    expect(budget.limited).toEqual([]);
  });

  it("takes again for each retry, and reports each 429 with its Retry-After in ms", async () => {
    const { c, budget, slept } = client("submit429=2;retry_after=2;tag=retries");
    await expect(c.submit(PAYLOAD)).resolves.toMatchObject({ status: "queued" });
    expect(budget.acquired).toEqual(["submit", "submit", "submit"]);
    expect(budget.limited).toEqual([2000, 2000]);
    expect(slept).toEqual([2000, 2000]);
  });

  it("retries a poll answered 429 the same way", async () => {
    // Poll faults belong to the job they were submitted with.
    const { c, budget, slept } = client("poll429=2;retry_after=1");
    const { jobId } = await c.submit(PAYLOAD);
    await c.getJob(jobId);
    expect(budget.acquired).toEqual(["submit", "poll", "poll", "poll"]);
    expect(budget.limited).toEqual([1000, 1000]);
    expect(slept).toEqual([1000, 1000]);
  });

  it("a prepaid call takes nothing, tries once, and still reports a 429", async () => {
    const { c, budget, slept } = client("submit429=1;retry_after=3;tag=prepaid");
    const e = await c.submit(PAYLOAD, { prepaid: true }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: "rate_limited", retryAfterSeconds: 3 });
    expect(budget.acquired).toEqual([]);
    expect(budget.limited).toEqual([3000]);
    expect(slept).toEqual([]);

    // The next prepaid submit (the fault is spent) goes through, still taking nothing.
    const { jobId } = await c.submit(PAYLOAD, { prepaid: true });
    await c.getJob(jobId, { prepaid: true });
    expect(budget.acquired).toEqual([]);
  });

  it("a prepaid poll answered 429 is not retried", async () => {
    const { c, budget } = client("poll429=1;retry_after=1;tag=prepaid-poll");
    const { jobId } = await c.submit(PAYLOAD, { prepaid: true });
    await expect(c.getJob(jobId, { prepaid: true })).rejects.toMatchObject({ code: "rate_limited" });
    expect(budget.acquired).toEqual([]);
    expect(budget.limited).toEqual([1000]);
  });
});
