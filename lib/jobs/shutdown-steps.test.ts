import { afterEach, expect, it } from "vitest";
import { claimDueJobs, getJob } from "@/lib/db/job-queries";
import { ShutdownSequence, type ShutdownStep } from "@/lib/lifecycle/shutdown";
import { createLocalBlobStore } from "@/lib/storage";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { UpstreamJob } from "@/lib/upstream/parse-job";
import { jobShutdownSteps } from "./shutdown-steps";
import { JobTracker } from "./tracker";

/**
 * The runtime's part of a shutdown, on both databases: a tracker caught in the middle of a poll
 * holds that job's lease; the drain stops it claiming, and when the poll does not end within the
 * stop phase, hands the lease back, so another instance claims the job at once (not after
 * JOB_LEASE_MS). The poll that comes back later writes nothing over the new owner's lease.
 */
const LEASE_MS = 60_000;

/** An upstream whose polls wait until the test answers them. */
function heldUpstream() {
  const waiting: ((job: UpstreamJob) => void)[] = [];
  const client = {
    getJob: () => new Promise<UpstreamJob>((resolve) => waiting.push(resolve)),
  } as unknown as UpstreamClient;
  const answer = (job: Partial<UpstreamJob>) => {
    for (const resolve of waiting.splice(0)) resolve({ jobId: "up-1", status: "processing", progress: 0.5, outputs: [], error: null, costMicros: null, ...job });
  };
  return { client, answer, polling: () => waiting.length };
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

/** Steps wrapped so the test sees the order they ran in. */
function recorded(steps: ShutdownStep[], seen: string[]): ShutdownStep[] {
  return steps.map((s) => ({ ...s, run: async () => { seen.push(`${s.phase}: ${s.name}`); await s.run(); } }));
}

forEachDialect("the runtime's shutdown steps", (t) => {
  const trackers: JobTracker[] = [];
  afterEach(async () => {
    for (const tr of trackers.splice(0)) await tr.stop();
  });

  function tracker(client: UpstreamClient): JobTracker {
    const tr = new JobTracker({ db: t.db, client, store: createLocalBlobStore("/nonexistent-never-written"), leaseMs: LEASE_MS, stuckAfterMs: 3_600_000, orphanAfterMs: 3_600_000 });
    trackers.push(tr);
    return tr;
  }

  it("stops the tracker mid-poll, hands back its lease, then closes: another owner claims the job at once", async () => {
    const upstream = heldUpstream();
    const job = await insertTestJob(t.db, { status: "processing", upstreamJobId: "up-1", submittedAt: new Date(), nextPollAt: new Date(Date.now() - 1000) });
    const tr = tracker(upstream.client);
    tr.kick();
    await until(() => upstream.polling() === 1);
    expect((await getJob(t.db, job.id))?.leaseOwner, "the tracker holds the job while it polls").toBe(tr.owner);

    const seen: string[] = [];
    const bus = { closed: false, close() { this.closed = true; } };
    const seq = new ShutdownSequence({ limitsMs: { stop: 200 } });
    for (const step of recorded(jobShutdownSteps({ queue: { stop: async () => undefined }, tracker: tr, events: bus }), seen)) seq.register(step);
    seq.register({ name: "database closes", phase: "close", run: () => void seen.push("close: database closes") });

    const report = await seq.run("SIGTERM");
    expect(seen).toEqual([
      "stop: run queue stops sending",
      "stop: tracker stops claiming",
      "release: tracker hands back its leases",
      "disconnect: event bus closes",
      "close: database closes",
    ]);
    // The poll never came back within the stop phase: that step was left running.
    expect(report.unfinished).toEqual(["tracker stops claiming"]);
    expect(bus.closed).toBe(true);
    const released = await getJob(t.db, job.id);
    expect(released?.leaseOwner).toBeNull();
    expect(released?.leaseUntil).toBeNull();

    // Another instance, now, well within the old lease: the job is its to poll.
    const claimed = await claimDueJobs(t.db, "another-instance", new Date(), LEASE_MS, 10);
    expect(claimed.map((j) => j.id)).toEqual([job.id]);

    // The stopped tracker's poll answers at last: its outcome finds the lease gone and writes nothing.
    upstream.answer({ progress: 0.9 });
    await tr.idle();
    const after = await getJob(t.db, job.id);
    expect(after?.leaseOwner).toBe("another-instance");
    expect(after?.progress).toBe(job.progress);
    expect(after?.pollCount).toBe(job.pollCount);
  });

  it("an idle tracker stops at once and has nothing to hand back; jobs leased by others are left alone", async () => {
    const upstream = heldUpstream();
    const other = await insertTestJob(t.db, { status: "processing", upstreamJobId: "up-2", submittedAt: new Date(), nextPollAt: new Date(Date.now() - 1000) });
    await claimDueJobs(t.db, "someone-else", new Date(), LEASE_MS, 10);
    const tr = tracker(upstream.client);
    const seq = new ShutdownSequence();
    for (const step of jobShutdownSteps({ queue: { stop: async () => undefined }, tracker: tr, events: { close: () => undefined } })) seq.register(step);
    const report = await seq.run("SIGTERM");
    expect(report.unfinished).toEqual([]);
    expect(upstream.polling()).toBe(0);
    expect((await getJob(t.db, other.id))?.leaseOwner).toBe("someone-else");
  });
});
