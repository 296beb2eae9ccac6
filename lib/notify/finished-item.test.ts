import { describe, expect, it } from "vitest";
import type { ApiJob, ApiSweep, JobStatus } from "@/lib/api-types";
import { finishedRunItem, finishedSweepItem } from "./finished-item";

const T0 = "2026-12-06T10:00:00.000Z";
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString();

function job(id: string, status: JobStatus, endS: number | null, sweepId: string | null = null): ApiJob {
  return {
    id,
    status,
    sweepId,
    createdAt: T0,
    completedAt: status === "completed" ? at(endS!) : null,
    failedAt: status === "failed" ? at(endS!) : null,
    cancelledAt: status === "cancelled" ? at(endS!) : null,
    prompt: "a red fox",
    taskType: "TEXT_IMAGE",
  } as ApiJob;
}

function sweep(jobs: ApiJob[]): ApiSweep {
  return {
    id: "s1",
    title: "CFG × Style: a red fox",
    createdAt: T0,
    cells: [...jobs.map((j, i) => ({ position: i, jobId: j.id })), { position: jobs.length, jobId: null }],
    jobs,
  } as unknown as ApiSweep;
}

describe("finished items", () => {
  it("a sweep is one item once every cell's run has ended, failed if any failed; its cells are not items", () => {
    const cells = [job("a", "completed", 12, "s1"), job("b", "processing", null, "s1")];
    expect(finishedRunItem(cells[0])).toBeNull();
    expect(finishedSweepItem(sweep(cells), () => undefined)).toBeNull();
    // The cache has the newer state of b.
    const latest = new Map([["b", job("b", "failed", 30, "s1")]]);
    expect(finishedSweepItem(sweep(cells), (id) => latest.get(id))).toEqual({
      key: "sweep:s1",
      kind: "sweep",
      ok: false,
      tookMs: 30_000,
      label: "CFG × Style: a red fox",
    });
  });

  it("a cancelled cell counts as ended, not as failed", () => {
    expect(finishedSweepItem(sweep([job("a", "completed", 5, "s1"), job("b", "cancelled", 2, "s1")]), () => undefined)?.ok).toBe(true);
  });
});
