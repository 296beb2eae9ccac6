/**
 * `npm run bench`: every benchmark in sequence against the production build in process.cwd()
 * (run `npx next build` first). The completion run is shared by completion lag and polls per
 * job. Exit code: 0 all budgets held, 2 a budget was missed, 1 a benchmark failed.
 */
import { runCompletionJobs } from "./lib/completion-run";
import { runEntry } from "./lib/main";
import { heading, type BudgetCheck } from "./lib/print";
import { reportCompletionLag } from "./completion-lag";
import { reportPollsPerJob } from "./polls-per-job";
import { benchSubmitLatency } from "./submit-latency";

runEntry(async (): Promise<BudgetCheck[]> => {
  const checks: BudgetCheck[] = [];
  checks.push(...(await benchSubmitLatency()));
  heading("completion run (completion lag + polls per job)");
  const run = await runCompletionJobs();
  checks.push(...reportCompletionLag(run));
  checks.push(...reportPollsPerJob(run));
  heading("summary");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  return checks;
});
