import type { ApiJob } from "@/lib/api-types";
import { formatDateTime, formatDollars } from "@/lib/display/format";
import { jobCostUsd } from "@/lib/queries/job-status";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Model, cost and dates of the whole job; `modelName` is the job's model as modelLabel names it. */
export function JobFacts({ job, modelName }: { job: ApiJob; modelName: string }) {
  const cost = jobCostUsd(job);
  const returned = job.imagesReturned ?? job.images.length;
  const rows: [string, string][] = [
    ["Model", modelName],
    ["Job cost", `${formatDollars(cost.usd)}${cost.estimated ? " (estimate)" : ""} for ${plural(returned, "image")}`],
    ["Created", formatDateTime(job.createdAt)],
  ];
  if (job.completedAt) rows.push(["Completed", formatDateTime(job.completedAt)]);
  if (job.imagesBlocked > 0) rows.push(["Blocked", `${plural(job.imagesBlocked, "image")} blocked by the content filter`]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="job-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-neutral-500">{label}</dt>
          <dd className="text-neutral-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
