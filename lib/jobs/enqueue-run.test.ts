import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ledgerOfJob, listLedger } from "@/lib/db/ledger-queries";
import { AppError } from "@/lib/errors";
import { novaCanvas, validateGenerationRequest, type GenerationRequest } from "@/lib/models";
import { emptyTables, insertTestJob, insertTestSettle } from "@/lib/testing/db-fixtures";
import { setTestEnv } from "@/lib/testing/test-env";
import { forPglite } from "@/lib/testing/test-databases";
import { enqueueRun, hashBody } from "./enqueue-run";

/**
 * enqueueRun: a run past a cap is a 402 that says what to do, a reused Idempotency-Key with
 * another body is a 422 naming the header, the same body (in any key order) replays the run.
 */
const NOW = new Date("2026-06-15T12:00:00Z");

function request(extra: Record<string, unknown> = {}): GenerationRequest {
  const parsed = validateGenerationRequest({ task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk", seed: 7, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

forPglite("enqueueRun", (t) => {
  let restoreEnv = () => {};

  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "jobs", "settings"]);
    restoreEnv = setTestEnv({ SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
  });
  afterEach(() => restoreEnv());

  it("queues a run waiting, holding its maximum cost", async () => {
    const { job, replayed } = await enqueueRun(t.db, novaCanvas, request({ number_of_images: 3 }), { now: NOW });
    expect(replayed).toBe(false);
    expect(job).toMatchObject({ status: "waiting", model: novaCanvas.id, taskType: "TEXT_IMAGE", seed: 7, imagesRequested: 3, estimatedCostMicros: 360_000 });
    expect((await ledgerOfJob(t.db, job.id)).map((r) => [r.kind, r.amountMicros, r.images])).toEqual([["reserve", 360_000, 3]]);
  });

  it("refuses a run past the daily cap with 402, naming the cap, spent, reserved, left and need", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ SPEND_CAP_DAY_USD: "0.30", SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 50_000, new Date("2026-06-15T08:00:00Z"));
    await enqueueRun(t.db, novaCanvas, request(), { now: NOW });
    const before = await listLedger(t.db);

    const e = await refusal(enqueueRun(t.db, novaCanvas, request({ number_of_images: 2 }), { now: NOW }));
    expect(e.code).toBe("spend_cap_reached");
    expect(e.status).toBe(402);
    expect(e.message).toBe(
      "This run needs up to $0.24, but the daily spending cap is $0.30: $0.05 is spent today and $0.12 is reserved for runs not yet finished, " +
        "so $0.13 is left. Raise the cap in Settings, or wait until it resets at 00:00 (UTC).",
    );
    // Nothing was written for the refused run.
    expect(await listLedger(t.db)).toEqual(before);
    // One image still fits: $0.05 + $0.12 + $0.12 ≤ $0.30.
    expect((await enqueueRun(t.db, novaCanvas, request(), { now: NOW })).job.status).toBe("waiting");
  });

  it("names the month and when it resets when the monthly cap is the one reached", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: "1", TZ: "UTC" });
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 900_000, new Date("2026-06-02T08:00:00Z"));
    const e = await refusal(enqueueRun(t.db, novaCanvas, request(), { now: NOW }));
    expect(e.message).toBe(
      "This run needs up to $0.12, but the monthly spending cap is $1.00: $0.90 is spent this month and $0.00 is reserved for runs not yet finished, " +
        "so $0.10 is left. Raise the cap in Settings, or wait until it resets at 1 Jul 2026, 00:00 (UTC).",
    );
  });

  it("replays the run of a repeated Idempotency-Key with the same body, in any key order", async () => {
    const body = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk", options: { a: 1, b: [1, 2] } };
    const reordered = { options: { b: [1, 2], a: 1 }, prompt: "a lighthouse at dusk", task_type: "TEXT_IMAGE", model: novaCanvas.id };
    const first = await enqueueRun(t.db, novaCanvas, request(), { now: NOW, idempotency: { key: "k-1", body } });
    const again = await enqueueRun(t.db, novaCanvas, request(), { now: NOW, idempotency: { key: "k-1", body: reordered } });
    expect(again).toEqual({ job: first.job, replayed: true, hasInputs: false });
    expect(await listLedger(t.db)).toHaveLength(1);
  });

  it("refuses an Idempotency-Key reused with a different body, naming the header", async () => {
    await enqueueRun(t.db, novaCanvas, request(), { now: NOW, idempotency: { key: "k-2", body: { prompt: "one" } } });
    const e = await refusal(enqueueRun(t.db, novaCanvas, request(), { now: NOW, idempotency: { key: "k-2", body: { prompt: "two" } } }));
    expect(e).toMatchObject({ code: "validation_failed", status: 422 });
    expect(e.fields).toEqual([{ field: "Idempotency-Key", message: expect.stringMatching(/^Idempotency-Key was already used within 24 hours for a different request body/) }]);
  });

  it("uses the key again for a new run after 24 hours", async () => {
    const first = await enqueueRun(t.db, novaCanvas, request(), { now: NOW, idempotency: { key: "k-3", body: { p: 1 } } });
    const later = new Date(NOW.getTime() + 24 * 3_600_000 + 1);
    const second = await enqueueRun(t.db, novaCanvas, request(), { now: later, idempotency: { key: "k-3", body: { p: 2 } } });
    expect(second.replayed).toBe(false);
    expect(second.job.id).not.toBe(first.job.id);
  });
});

describe("hashBody", () => {
  it("is the same for the same JSON in any key order, at any depth", () => {
    expect(hashBody({ a: 1, b: { c: [1, { d: 2, e: 3 }], f: null } })).toBe(hashBody({ b: { f: null, c: [1, { e: 3, d: 2 }] }, a: 1 }));
    expect(hashBody({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when a value, an array's order, a type or a key differs", () => {
    const base = hashBody({ a: [1, 2], b: "x" });
    expect(hashBody({ a: [2, 1], b: "x" })).not.toBe(base);
    expect(hashBody({ a: [1, 2], b: "y" })).not.toBe(base);
    expect(hashBody({ a: ["1", 2], b: "x" })).not.toBe(base);
    expect(hashBody({ a: [1, 2], c: "x" })).not.toBe(base);
    expect(hashBody({ a: [1, 2], b: "x", c: null })).not.toBe(base);
    // A key that contains what looks like JSON punctuation is not confused with structure.
    expect(hashBody({ 'a":1,"b': 2 })).not.toBe(hashBody({ a: 1, b: 2 }));
  });

  it("hashes scalars and arrays as their JSON", () => {
    expect(hashBody("x")).not.toBe(hashBody(["x"]));
    expect(hashBody(null)).toBe(hashBody(undefined));
    expect(hashBody([])).not.toBe(hashBody({}));
  });
});
