/**
 * Upstream polls per job (DESIGN.md §5: ≤ job duration / 2 s + 2).
 *
 * For each completed job: polls = `upstreamPolls` from GET /api/jobs/{id} (every status request
 * the tracker sent for it, the completing one and failed ones included), duration =
 * `completedAt − submittedAt` (our own record of the job), budget = duration / 2 s + 2,
 * ratio = polls / budget. The budget holds when no job is over it. Same jobs as
 * completion-lag.ts (bench/lib/completion-run.ts); `npm run bench` runs them once for both.
 *
 * Run alone: `npx tsx --conditions=react-server bench/polls-per-job.ts` from the project root,
 * after `npx next build`.
 */
import { runCompletionJobs, type CompletionRun } from "./lib/completion-run";
import { isEntry, runEntry } from "./lib/main";
import { budget, heading, ms, table, type BudgetCheck } from "./lib/print";

export function reportPollsPerJob(run: CompletionRun): BudgetCheck[] {
  heading("upstream polls per job vs duration / 2 s + 2");
  const measured = run.records.filter((r) => !r.warmup);
  const rows = measured.map((r) => {
    const duration = Date.parse(r.job.completedAt!) - Date.parse(r.job.submittedAt!);
    const limit = duration / 2000 + 2;
    return { id: r.job.id.slice(0, 8), duration, polls: r.job.upstreamPolls, limit, ratio: r.job.upstreamPolls / limit };
  });
  table(
    ["job", "duration", "polls", "budget", "ratio", ""],
    rows.map((r) => [r.id, ms(r.duration, 0), r.polls, r.limit.toFixed(2), r.ratio.toFixed(2), r.ratio > 1 ? "OVER" : ""]),
  );
  const over = rows.filter((r) => r.ratio > 1).length;
  const maxRatio = Math.max(...rows.map((r) => r.ratio));
  const total = rows.reduce((s, r) => s + r.polls, 0);
  console.log(`jobs: ${rows.length} (warm-up excluded) · polls: ${total} (mean ${(total / rows.length).toFixed(2)}) · max ratio ${maxRatio.toFixed(2)} · over budget: ${over}`);
  return [budget(`polls per job (${run.database})`, `max ratio ${maxRatio.toFixed(2)}, ${over} of ${rows.length} over`, "every job ≤ 1.00", over === 0)];
}

export async function benchPollsPerJob(): Promise<BudgetCheck[]> {
  heading("completion run (polls per job)");
  return reportPollsPerJob(await runCompletionJobs());
}

if (isEntry(import.meta.url)) runEntry(benchPollsPerJob);
