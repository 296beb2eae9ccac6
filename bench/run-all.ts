/**
 * `npm run bench`: every benchmark in sequence against the production build in process.cwd()
 * (run `npx next build` first). The completion run is shared by completion lag and polls per
 * job; completion → visible runs its own jobs, one at a time in Chromium, after it. Exit code:
 * 0 all budgets held, 2 a budget was missed, 1 a benchmark failed.
 */
import { runCompletionJobs } from "./lib/completion-run";
import { runEntry } from "./lib/main";
import { heading, type BudgetCheck } from "./lib/print";
import { reportCompletionLag } from "./completion-lag";
import { reportPollsPerJob } from "./polls-per-job";
import { benchSubmitLatency } from "./submit-latency";
import { benchVisibleLag } from "./visible-lag";

runEntry(async (): Promise<BudgetCheck[]> => {
  const checks: BudgetCheck[] = [];
  checks.push(...(await benchSubmitLatency()));
  heading("completion run (completion lag + polls per job)");
  const run = await runCompletionJobs();
  checks.push(...reportCompletionLag(run));
  checks.push(...reportPollsPerJob(run));
  checks.push(...(await benchVisibleLag()));
  heading("summary");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  return checks;
});
