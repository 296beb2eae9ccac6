/**
 * Upstream completion → job `completed` in our database with its outputs stored (DESIGN.md §5:
 * median ≤ 1 s for a 1024² output).
 *
 * Lag of a job = our `completedAt` (GET /api/jobs/{id}; the tracker writes it in the same
 * transaction as the image rows, after every output was downloaded, checked, stored and
 * thumbnailed) − the engine's `completed_at` for the same job (GET <engine>/v1/jobs/{id} with the
 * job's `upstreamJobId`). It therefore includes the wait for the tracker's next poll, the poll,
 * the output download (the offline engine renders a PNG on its first download, tens of ms for
 * 1024²; the real gateway serves a stored file) and the copy. Run details:
 * bench/lib/completion-run.ts. Nearest-rank percentiles (bench/lib/stats.ts).
 *
 * Run alone: `npx tsx --conditions=react-server bench/completion-lag.ts` from the project root,
 * after `npx next build`.
 */
import { runCompletionJobs, type CompletionRun, type JobRecord } from "./lib/completion-run";
import { isEntry, runEntry } from "./lib/main";
import { budget, heading, ms, table, type BudgetCheck } from "./lib/print";
import { percentile } from "./lib/stats";

const BUDGET_MEDIAN_MS = 1000;

export function lagMs(r: JobRecord): number {
  return Date.parse(r.job.completedAt!) - r.upstreamCompletedAt;
}

export function reportCompletionLag(run: CompletionRun): BudgetCheck[] {
  heading("completion lag: upstream completed_at → our completedAt (outputs stored)");
  const rows = run.records.map((r) => {
    const img = r.job.images[0];
    if (!img || img.width !== 1024 || img.height !== 1024) throw new Error(`job ${r.job.id}: expected one 1024×1024 output, got ${r.job.images.map((i) => `${i.width}×${i.height}`).join(", ") || "none"}`);
    return [
      r.job.id.slice(0, 8) + (r.warmup ? " (warm-up)" : ""),
      ms(r.upstreamCompletedAt - r.upstreamCreatedAt, 0),
      r.job.upstreamPolls,
      ms(lagMs(r), 0),
    ];
  });
  table(["job", "upstream duration", "polls", "lag"], rows);
  const lags = run.records.filter((r) => !r.warmup).map(lagMs);
  console.log(`measured jobs: ${lags.length} (warm-up excluded) · median ${ms(percentile(lags, 50), 0)} · p90 ${ms(percentile(lags, 90), 0)} · max ${ms(Math.max(...lags), 0)} · min ${ms(Math.min(...lags), 0)}`);
  const median = percentile(lags, 50);
  return [budget(`completion lag median (${run.database})`, ms(median, 0), `≤ ${BUDGET_MEDIAN_MS} ms`, median <= BUDGET_MEDIAN_MS)];
}

export async function benchCompletionLag(): Promise<BudgetCheck[]> {
  heading("completion run (completion lag)");
  return reportCompletionLag(await runCompletionJobs());
}

if (isEntry(import.meta.url)) runEntry(benchCompletionLag);
