import { paramRows } from "@/components/gallery/job-params-model";
import type { ApiJob } from "@/lib/api-types";

/** The job's parameters as a definition list (task, prompt, style, size, quality, seed, cfg, …). */
export function JobParams({ job }: { job: ApiJob }) {
  return (
    <section aria-labelledby={`params-${job.id}`} className="flex flex-col gap-2">
      <h3 id={`params-${job.id}`} className="text-xs font-medium uppercase tracking-wide text-neutral-500">
        Parameters
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="job-params">
        {paramRows(job).map((row) => (
          <div key={row.name} className="contents">
            <dt className="text-neutral-500">{row.label}</dt>
            <dd className="break-words text-neutral-900">
              {row.colors ? (
                <span className="flex flex-wrap items-center gap-1">
                  {row.colors.map((c, i) => (
                    <span key={i} title={c} className="inline-block h-4 w-4 rounded border border-neutral-300" style={{ backgroundColor: c }} />
                  ))}
                  <span className="text-xs text-neutral-600">{row.value}</span>
                </span>
              ) : (
                row.value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
