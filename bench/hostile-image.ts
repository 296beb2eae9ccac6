/**
 * Memory of the app server under hostile images (DESIGN.md §5: one hostile image request, a
 * bomb or an EXIF-rotated giant, grows the server's RSS by less than 300 MB).
 *
 * Setup (bench/lib/offline-app.ts): the production build (`scripts/serve.mjs`, offline mode with
 * the in-process engine, fresh DATA_DIR on PGlite, 127.0.0.1 on a free port), engine latency
 * 300–600 ms. The server is one process (serve.mjs runs Next.js in-process), so its
 * /proc/<pid>/status is the whole server's memory.
 *
 * Images, made here with sharp (lib/testing/hostile-images.ts): a flat 12000×12000 JPEG tagged
 * EXIF orientation 6 (0.8 MB; 432 MB of pixels, rotated to display); a flat 20000×20000 PNG
 * (1.2 MB; 1.2 GB of pixels); a half-transparent 6000×6000 RGBA PNG (0.15 MB; 144 MB of pixels,
 * under the 40 M px the app used to decode before its checks); and, for reference, a noisy
 * (photo-like) 2048×2048 JPEG the contract accepts, alone and four at once. Each is sent as
 * `POST /api/jobs` {task_type: BACKGROUND_REMOVAL, image: <data: URL>}.
 *
 * Each scenario: the server's peak is reset (`echo 5 > /proc/<pid>/clear_refs`, so the peak is
 * this scenario's and not start-up's), VmRSS is read, the requests are sent (the "×4" one all at
 * once), and when every answer is in, VmHWM is read. growth = VmHWM after − VmRSS before. The
 * references also get a second row that waits until their jobs are completed (the engine's
 * render and the copy of the outputs included). A warm-up job (a 512×512 image, to completion) runs
 * first, so loading sharp and compiling the route are not counted against the first scenario.
 *
 *   npm run bench:hostile-image   (= npx tsx --conditions=react-server bench/hostile-image.ts,
 *                                  from the project root after `npx next build`)
 */
import type { ApiJob } from "@/lib/api-types";
import { exifBombJpeg, flatPngBomb, noisyImage } from "@/lib/testing/hostile-images";
import { mib, readProcessMemory, resetPeakMemory } from "@/lib/testing/process-memory";
import { request, sleep, type HttpResult } from "./lib/http";
import { runEntry } from "./lib/main";
import { startOfflineApp, type OfflineApp } from "./lib/offline-app";
import { budget, heading, loadLine, table, type BudgetCheck } from "./lib/print";
import { BenchSetupError } from "./lib/servers";

const BUDGET_MB = 300;

interface Scenario {
  label: string;
  bytes: Buffer;
  mime: string;
  copies: number;
  hostile: boolean;
}

interface Outcome {
  statuses: number[];
  message: string;
  rssBefore: number;
  peak: number;
  ms: number;
  jobIds: string[];
}

function submit(app: OfflineApp, s: Scenario): Promise<HttpResult> {
  return request(`${app.url}/api/jobs`, {
    method: "POST",
    headers: { origin: app.url },
    body: { task_type: "BACKGROUND_REMOVAL", image: `data:${s.mime};base64,${s.bytes.toString("base64")}` },
    timeoutMs: 600_000,
  });
}

async function waitCompleted(app: OfflineApp, id: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const job = (await request(`${app.url}/api/jobs/${id}`)).json as ApiJob;
    if (job.status === "completed") return;
    if (job.status === "failed") throw new BenchSetupError(`job ${id} failed: ${JSON.stringify(job.error)}`);
    await sleep(200);
  }
  throw new BenchSetupError(`job ${id} not completed after 120 s`);
}

async function measure(pid: number, during: () => Promise<Omit<Outcome, "rssBefore" | "peak" | "ms">>): Promise<Outcome> {
  resetPeakMemory(pid);
  const rssBefore = readProcessMemory(pid).rssBytes;
  const started = performance.now();
  const result = await during();
  const ms = performance.now() - started;
  return { ...result, rssBefore, peak: readProcessMemory(pid).peakBytes, ms };
}

async function run(app: OfflineApp, pid: number, s: Scenario): Promise<Outcome> {
  return measure(pid, async () => {
    const answers = await Promise.all(Array.from({ length: s.copies }, () => submit(app, s)));
    const first = answers[0].json as { id?: string; error?: { message?: string } };
    return {
      statuses: answers.map((a) => a.status),
      message: first.error?.message ?? `job ${first.id?.slice(0, 8)} ${(first as ApiJob).status}`,
      jobIds: answers.map((a) => (a.json as { id?: string }).id).filter((id): id is string => Boolean(id)),
    };
  });
}

// VmHWM can trail a read of VmRSS by a page or two; a "negative growth" is shown as 0.
const mb = (bytes: number) => `${Math.max(0, mib(bytes)).toFixed(0)} MB`;

export async function benchHostileImage(): Promise<BudgetCheck[]> {
  heading("hostile images: app server memory per request (offline mode, PGlite)");
  const made = performance.now();
  const [exif, bomb, alpha, photo, warm] = await Promise.all([
    exifBombJpeg(12_000),
    flatPngBomb(20_000),
    flatPngBomb(6_000, 6_000, 4),
    noisyImage("jpeg", 2048, 2048),
    noisyImage("jpeg", 512, 512),
  ]);
  console.log(`images made in ${((performance.now() - made) / 1000).toFixed(1)} s`);
  const scenarios: Scenario[] = [
    { label: `EXIF bomb 12000×12000 JPEG, orientation 6 (${(exif.length / 1e6).toFixed(2)} MB)`, bytes: exif, mime: "image/jpeg", copies: 1, hostile: true },
    { label: "EXIF bomb, 4 at once", bytes: exif, mime: "image/jpeg", copies: 4, hostile: true },
    { label: `PNG bomb 20000×20000 flat RGB (${(bomb.length / 1e6).toFixed(2)} MB)`, bytes: bomb, mime: "image/png", copies: 1, hostile: true },
    { label: `PNG 6000×6000 RGBA half-transparent (${(alpha.length / 1e6).toFixed(2)} MB)`, bytes: alpha, mime: "image/png", copies: 1, hostile: true },
    { label: `reference: 2048×2048 photo-like JPEG (${(photo.length / 1e6).toFixed(2)} MB)`, bytes: photo, mime: "image/jpeg", copies: 1, hostile: false },
    { label: "reference, 4 at once", bytes: photo, mime: "image/jpeg", copies: 4, hostile: false },
  ];

  const app = await startOfflineApp("hostile-image", { ENGINE_LATENCY_MS: "300-600" });
  if (app.pgid === undefined) throw new BenchSetupError("bench/hostile-image.ts reads the server's /proc entry: it cannot measure BENCH_APP_URL");
  const pid = app.pgid;
  const atStart = readProcessMemory(pid);
  const resettable = resetPeakMemory(pid);
  console.log(`server pid ${pid} · peak reset per scenario: ${resettable ? "yes" : "no (growth is then an upper bound)"} · ${loadLine()}`);

  const warmup = await run(app, pid, { label: "warm-up", bytes: warm, mime: "image/jpeg", copies: 1, hostile: false });
  if (warmup.statuses[0] !== 201) throw new BenchSetupError(`warm-up POST /api/jobs answered ${warmup.statuses[0]}: ${warmup.message}`);
  await waitCompleted(app, warmup.jobIds[0]);
  const warmed = readProcessMemory(pid);
  console.log(`server RSS: ${mb(atStart.rssBytes)} once healthy (peak ${mb(atStart.peakBytes)}), ${mb(warmed.rssBytes)} after the warm-up job`);

  const rows: (string | number)[][] = [];
  const checks: BudgetCheck[] = [];
  for (const s of scenarios) {
    const o = await run(app, pid, s);
    const growth = o.peak - o.rssBefore;
    rows.push([s.label, o.statuses.join(","), mb(o.rssBefore), mb(o.peak), mb(growth), `${(o.ms / 1000).toFixed(2)} s`, o.message.slice(0, 90)]);
    if (s.hostile) checks.push(budget(`RSS growth, ${s.label}`, mb(growth), `< ${BUDGET_MB} MB`, mib(growth) < BUDGET_MB));
    if (!s.hostile && o.jobIds.length > 0) {
      const whole = await measure(pid, async () => {
        await Promise.all(o.jobIds.map((id) => waitCompleted(app, id)));
        return { statuses: [], message: `${o.jobIds.length} job(s) completed`, jobIds: o.jobIds };
      });
      rows.push(["… then until completed (render + copy)", "", mb(whole.rssBefore), mb(whole.peak), mb(whole.peak - whole.rssBefore), `${(whole.ms / 1000).toFixed(2)} s`, whole.message]);
    }
  }
  console.log("");
  table(["request", "status", "RSS before", "peak (VmHWM)", "growth", "time", "answer"], rows);
  const end = readProcessMemory(pid);
  console.log(`\nafter the run: RSS ${mb(end.rssBytes)}, peak since the last reset ${mb(end.peakBytes)}`);
  await app.stop();
  return checks;
}

runEntry(benchHostileImage);
