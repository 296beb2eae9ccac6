/**
 * Three promises of issue 11, checked through the HTTP API of the production build in gateway
 * mode against a standalone engine that logs every request (ENGINE_LOG=1):
 *
 * 1. Idempotency: the same `Idempotency-Key` (and body) posted 10 times at once makes one run
 *    (one 201, nine 200 naming the same run) and one upstream submit in the engine's log.
 * 2. Deleting images does not give money back: after the runs complete, every image of today is
 *    deleted (`POST /api/images/delete` with the ids from `GET /api/gallery/ids`) and
 *    `GET /api/spend` must say the same todayUsd (and imagesToday) as before, from an unchanged
 *    ledger.
 * 3. A cancelled run is never sent: with UPSTREAM_RPM 2 (and the engine at 2 a minute) three runs
 *    A, B, C wait; B is cancelled (`POST /api/jobs/{B}/cancel`); A and C are sent and complete
 *    as the budget frees up. The engine's log must show exactly 2 submits and polls of A's and
 *    C's upstream jobs only; B has no upstream id and only a reserve and a release in the ledger
 *    (no settle); cancelling A once it completed answers 409.
 *
 * 1 and 2 run on one app (UPSTREAM_RPM 600, engine 600/min: ports 5621 engine, 5622 app), 3 on
 * another (ports 5623, 5624), each with a fresh engine and DATA_DIR (PGlite).
 *
 *   npm run bench:queue-acceptance   (= npx tsx --conditions=react-server bench/queue-acceptance.ts,
 *                                     from the project root after `npx next build`; ~5 minutes)
 */
import { randomUUID } from "node:crypto";
import type { ApiJob, SpendSummary } from "@/lib/api-types";
import {
  countEngine,
  getJson,
  keepLogs,
  micros,
  post,
  readBudget,
  readLedger,
  startGatewayApp,
  startLoggedEngine,
  usd,
  waitForEmptyQueue,
  type GatewayApp,
} from "./lib/gateway-stack";
import { sleep } from "./lib/http";
import { runEntry } from "./lib/main";
import { benchPrompt, randomSeed } from "./lib/options";
import { budget, heading, loadLine, type BudgetCheck } from "./lib/print";
import { makeTempDir, stopServer } from "./lib/processes";

const textImage = (tag: string, i: number) => ({ task_type: "TEXT_IMAGE", prompt: benchPrompt(tag, i), seed: randomSeed() });

async function waitForStatus(app: GatewayApp, id: string, want: ApiJob["status"], timeoutMs: number): Promise<ApiJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJson<ApiJob>(app, `/api/jobs/${id}`);
    if (job.status === want) return job;
    if (Date.now() > deadline) throw new Error(`run ${id} is ${job.status} after ${timeoutMs} ms, expected ${want}`);
    await sleep(250);
  }
}

async function idempotencyAndDelete(dir: string): Promise<BudgetCheck[]> {
  heading("Idempotency-Key ×10 at once, then deleting every image of today (UPSTREAM_RPM 600)");
  const engine = await startLoggedEngine({ dir, port: 5621, perMinute: 600, latencyMs: "1000-2000" });
  const app = await startGatewayApp({ name: "app-fast", dir, port: 5622, engine, databaseUrl: "", env: { UPSTREAM_RPM: "600" } });
  console.log(loadLine());

  const mark = engine.log.mark();
  const key = randomUUID();
  const body = textImage("idempotency", 0);
  const answers = await Promise.all(Array.from({ length: 10 }, () => post(app, "/api/jobs", body, { headers: { "idempotency-key": key } })));
  const statuses = answers.map((a) => a.status);
  const ids = new Set(answers.map((a) => (a.json as ApiJob).id));
  const [id] = ids;
  const done = await waitForStatus(app, id, "completed", 60_000);
  const idemCounts = countEngine(engine.log.since(mark));
  const idemJobs = await engine.jobCount();
  console.log(
    `10 posts with one key: ${statuses.filter((s) => s === 201).length} × 201, ${statuses.filter((s) => s === 200).length} × 200, ` +
      `${statuses.filter((s) => s !== 200 && s !== 201).length} other · runs named ${ids.size} · run ${done.status} · engine: ${idemCounts.submit} submit, holds ${idemJobs} job`,
  );

  // Three more runs, so there is more than one image of today to delete.
  const more = await Promise.all([1, 2, 3].map((i) => post(app, "/api/jobs", textImage("delete", i))));
  if (more.some((r) => r.status !== 201)) throw new Error(`POST /api/jobs answered ${more.map((r) => r.status).join(", ")}`);
  await waitForEmptyQueue(app, 120_000);
  const before = await getJson<SpendSummary>(app, "/api/spend");
  const ledgerBefore = await readLedger(app);
  const gallery = await getJson<{ ids: string[]; total: number }>(app, "/api/gallery/ids");
  const deleted = await post(app, "/api/images/delete", { imageIds: gallery.ids });
  const after = await getJson<SpendSummary>(app, "/api/spend");
  const ledgerAfter = await readLedger(app);
  const galleryAfter = await getJson<{ ids: string[]; total: number }>(app, "/api/gallery/ids");
  console.log(
    `before: ${gallery.total} images, today ${usd(micros(before.todayUsd))} (${before.imagesToday} images), ledger ${ledgerBefore.length} rows · ` +
      `delete answered ${deleted.status} ${deleted.text} · after: ${galleryAfter.total} images, today ${usd(micros(after.todayUsd))} (${after.imagesToday} images), ledger ${ledgerAfter.length} rows`,
  );
  keepLogs([engine.server, app.server], "queue-acceptance-fast", engine);
  // The second part has its own servers; these would only compete for the CPU.
  await stopServer(app.server);
  await stopServer(engine.server);

  const sameLedger = JSON.stringify(ledgerBefore) === JSON.stringify(ledgerAfter);
  return [
    budget(
      "Idempotency-Key ×10",
      `${ids.size} run, ${statuses.filter((s) => s === 201).length} × 201 + ${statuses.filter((s) => s === 200).length} × 200, ${idemCounts.submit} engine submit`,
      "1 run, 1 × 201 + 9 × 200, 1 submit",
      ids.size === 1 && statuses.filter((s) => s === 201).length === 1 && statuses.filter((s) => s === 200).length === 9 && idemCounts.submit === 1 && idemJobs === 1,
    ),
    budget(
      "delete every image of today",
      `todayUsd ${usd(micros(before.todayUsd))} → ${usd(micros(after.todayUsd))}, ${gallery.total} → ${galleryAfter.total} images, ledger unchanged: ${sameLedger}`,
      "todayUsd unchanged, every image gone",
      deleted.status === 200 &&
        gallery.total === 4 &&
        galleryAfter.total === 0 &&
        micros(before.todayUsd) > 0 &&
        micros(after.todayUsd) === micros(before.todayUsd) &&
        after.imagesToday === before.imagesToday &&
        sameLedger,
    ),
  ];
}

async function cancelWaiting(dir: string): Promise<BudgetCheck[]> {
  heading("a waiting run cancelled (UPSTREAM_RPM 2, engine 2 a minute)");
  const engine = await startLoggedEngine({ dir, port: 5623, perMinute: 2, latencyMs: "1000-2000" });
  const app = await startGatewayApp({ name: "app-slow", dir, port: 5624, engine, databaseUrl: "", env: { UPSTREAM_RPM: "2" } });
  const t0 = Date.now();
  // The first catalog read (4 requests at 2 a minute) fills the window: runs posted now wait.
  await getJson(app, "/api/models", undefined, 180_000);
  console.log(`catalog read in ${((Date.now() - t0) / 1000).toFixed(0)} s · ${loadLine()}`);

  const mark = engine.log.mark();
  const posted: ApiJob[] = [];
  for (const i of [0, 1, 2]) {
    const res = await post(app, "/api/jobs", textImage("cancel", i));
    if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}: ${res.text.slice(0, 200)}`);
    posted.push(res.json as ApiJob);
  }
  const [a, b, c] = posted;
  console.log(`posted A, B, C: ${posted.map((j) => `${j.status}${j.queue ? ` #${j.queue.position}` : ""}`).join(", ")}`);
  if (b.status !== "waiting") throw new Error(`B is ${b.status}, not waiting: the budget had room (cannot test a cancel)`);
  const cancel = await post(app, `/api/jobs/${b.id}/cancel`, undefined);
  console.log(`POST /api/jobs/{B}/cancel: ${cancel.status} ${(cancel.json as ApiJob).status}`);

  await waitForEmptyQueue(app, 8 * 60_000);
  const [ja, jb, jc] = await Promise.all([a, b, c].map((j) => getJson<ApiJob>(app, `/api/jobs/${j.id}`)));
  const lines = engine.log.since(mark);
  const counts = countEngine(lines);
  const polled = new Set(lines.filter((l) => l.kind === "poll").map((l) => decodeURIComponent(l.path.slice("/v1/jobs/".length))));
  const sent = new Set([ja.upstreamJobId, jc.upstreamJobId].filter((x): x is string => x !== null));
  const engineJobs = await engine.jobCount();
  const ledger = await readLedger(app);
  const ofB = ledger.filter((e) => e.jobId === b.id).map((e) => `${e.kind} ${usd(e.amountMicros)}`);
  const settledAC = [ja, jc].every((j) => ledger.filter((e) => e.jobId === j.id && e.kind === "settle").length === 1);
  const cancelDone = await post(app, `/api/jobs/${a.id}/cancel`, undefined);
  const reserved = (await readBudget(app)).spend.day.reservedUsd;
  console.log(
    `A ${ja.status}, B ${jb.status} (upstream id ${jb.upstreamJobId}, ${jb.upstreamPolls} polls), C ${jc.status} · ` +
      `engine: ${counts.submit} submits, ${counts.poll} polls (of ${polled.size} jobs, all A's or C's: ${[...polled].every((p) => sent.has(p))}), ${counts.rateLimited} × 429, holds ${engineJobs} jobs`,
  );
  console.log(`ledger of B: ${ofB.join(", ")} · A and C settled once each: ${settledAC} · held after: ${usd(micros(reserved))} · cancel of completed A: ${cancelDone.status}`);
  keepLogs([engine.server, app.server], "queue-acceptance-slow", engine);

  return [
    budget(
      "cancelled waiting run never sent",
      `B ${jb.status}, upstream id ${jb.upstreamJobId}; engine ${counts.submit} submits (A, C), polls only of A and C: ${[...polled].every((p) => sent.has(p))}`,
      "B cancelled, never in the engine's log, 2 submits",
      cancel.status === 200 &&
        jb.status === "cancelled" &&
        jb.upstreamJobId === null &&
        ja.status === "completed" &&
        jc.status === "completed" &&
        counts.submit === 2 &&
        engineJobs === 2 &&
        sent.size === 2 &&
        [...polled].every((p) => sent.has(p)) &&
        counts.rateLimited === 0,
    ),
    budget(
      "cancelled run's ledger",
      ofB.join(", "),
      "reserve $0.12, release $0.00, no settle",
      ofB.length === 2 && ofB[0] === "reserve $0.12" && ofB[1] === "release $0.00" && settledAC && micros(reserved) === 0 && cancelDone.status === 409,
    ),
  ];
}

runEntry(async (): Promise<BudgetCheck[]> => {
  const dir = makeTempDir("queue-acceptance");
  const checks = [...(await idempotencyAndDelete(dir)), ...(await cancelWaiting(dir))];
  heading("summary");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  return checks;
});
