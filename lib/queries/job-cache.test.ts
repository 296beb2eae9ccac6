import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { ApiJob, JobStatus } from "@/lib/api-types";
import { cacheNewJob, cacheStreamedJob } from "./job-cache";
import { queryKeys } from "./query-keys";
import { RECENT_JOBS_LIMIT } from "./use-recent-jobs";

/** What the live stream and the POST answer write into the caches the cards and lists read. */
const job = (id: string, status: JobStatus, createdAt: string): ApiJob => ({ id, status, createdAt }) as ApiJob;
const recentIds = (c: QueryClient) => c.getQueryData<{ items: ApiJob[] }>(queryKeys.jobs.recent)?.items.map((j) => `${j.id}:${j.status}`);

describe("cacheStreamedJob", () => {
  it("writes the run's entry, replaces it in the recent list, and says when it is first seen ended", () => {
    const c = new QueryClient();
    c.setQueryData(queryKeys.jobs.recent, { items: [job("b", "processing", "2026-12-06T10:00:02Z"), job("a", "completed", "2026-12-06T10:00:01Z")] });
    c.setQueryData(queryKeys.jobs.detail("b"), job("b", "processing", "2026-12-06T10:00:02Z"));
    expect(cacheStreamedJob(c, job("b", "processing", "2026-12-06T10:00:02Z"))).toBe(false);
    expect(cacheStreamedJob(c, job("b", "completed", "2026-12-06T10:00:02Z"))).toBe(true);
    // Again (a replay): already seen ended.
    expect(cacheStreamedJob(c, job("b", "completed", "2026-12-06T10:00:02Z"))).toBe(false);
    expect(c.getQueryData<ApiJob>(queryKeys.jobs.detail("b"))?.status).toBe("completed");
    expect(recentIds(c)).toEqual(["b:completed", "a:completed"]);
  });

  it("puts a run new to this tab (another tab's, a sweep's) into the recent list by its creation time", () => {
    const c = new QueryClient();
    c.setQueryData(queryKeys.jobs.recent, { items: [job("c", "queued", "2026-12-06T10:00:03Z"), job("a", "completed", "2026-12-06T10:00:01Z")] });
    cacheStreamedJob(c, job("b", "waiting", "2026-12-06T10:00:02Z"));
    cacheStreamedJob(c, job("d", "waiting", "2026-12-06T10:00:04Z"));
    cacheStreamedJob(c, job("z", "failed", "2026-12-06T09:00:00Z"));
    // A sweep's cell: its own entry only (its grid reads it; the runs list shows single runs).
    cacheStreamedJob(c, { ...job("cell", "queued", "2026-12-06T10:00:05Z"), sweepId: "s1" });
    expect(recentIds(c)).toEqual(["d:waiting", "c:queued", "b:waiting", "a:completed", "z:failed"]);
    expect(c.getQueryData<ApiJob>(queryKeys.jobs.detail("cell"))?.status).toBe("queued");
  });

  it("leaves a full list alone for a run older than all it shows, and an unloaded list unloaded", () => {
    const c = new QueryClient();
    const full = Array.from({ length: RECENT_JOBS_LIMIT * 2 }, (_, i) => job(`j${i}`, "completed", `2026-12-06T10:${String(59 - i).padStart(2, "0")}:00Z`));
    c.setQueryData(queryKeys.jobs.recent, { items: full });
    cacheStreamedJob(c, job("old", "completed", "2026-12-06T09:00:00Z"));
    expect(recentIds(c)).toHaveLength(RECENT_JOBS_LIMIT * 2);
    expect(recentIds(c)).not.toContain("old:completed");
    const empty = new QueryClient();
    cacheStreamedJob(empty, job("x", "waiting", "2026-12-06T10:00:00Z"));
    expect(empty.getQueryData(queryKeys.jobs.recent)).toBeUndefined();
    expect(empty.getQueryData<ApiJob>(queryKeys.jobs.detail("x"))?.status).toBe("waiting");
  });
});

describe("cacheNewJob", () => {
  it("keeps a later state the stream brought before the POST answered", () => {
    const c = new QueryClient();
    c.setQueryData(queryKeys.jobs.recent, { items: [] });
    cacheStreamedJob(c, job("n", "queued", "2026-12-06T10:00:00Z"));
    cacheNewJob(c, job("n", "waiting", "2026-12-06T10:00:00Z"));
    expect(c.getQueryData<ApiJob>(queryKeys.jobs.detail("n"))?.status).toBe("queued");
    expect(recentIds(c)).toEqual(["n:queued"]);
    cacheNewJob(c, job("m", "waiting", "2026-12-06T10:00:01Z"));
    expect(recentIds(c)).toEqual(["m:waiting", "n:queued"]);
  });
});
