import { externalInputs, inputLabel, sortInputs } from "@/components/gallery/job-inputs-model";
import { PlainImg } from "@/components/ui/plain-img";
import type { ApiJob } from "@/lib/api-types";
import { formatPixels } from "@/lib/display/format";

/** The images the job was made from, each labelled by its role; a click opens the original. */
export function JobInputs({ job }: { job: ApiJob }) {
  const stored = sortInputs(job.inputs);
  const external = externalInputs(job.params);
  if (stored.length === 0 && external.length === 0) return null;
  return (
    <section aria-labelledby={`inputs-${job.id}`} className="flex flex-col gap-2">
      <h3 id={`inputs-${job.id}`} className="text-xs font-medium uppercase tracking-wide text-neutral-500">
        Inputs
      </h3>
      <ul className="grid grid-cols-3 gap-2" data-testid="job-inputs">
        {stored.map((input) => {
          const label = inputLabel(input.role, input.position, job.taskType);
          return (
            <li key={`${input.role}-${input.position}`} data-testid="job-input" data-role={input.role}>
              <a href={input.url} target="_blank" rel="noreferrer" className="block rounded border border-neutral-200 bg-neutral-100 hover:border-neutral-400">
                <PlainImg
                  src={input.url}
                  alt={label}
                  width={input.width}
                  height={input.height}
                  className="aspect-square h-auto w-full object-contain"
                />
              </a>
              <p className="mt-1 text-xs font-medium text-neutral-800">{label}</p>
              <p className="text-xs tabular-nums text-neutral-500">{formatPixels(input.width, input.height)}</p>
            </li>
          );
        })}
        {external.map((input) => (
          <li key={`${input.role}-${input.position}-url`} className="col-span-3 text-xs" data-testid="job-input" data-role={input.role}>
            <span className="font-medium text-neutral-800">{inputLabel(input.role, input.position, job.taskType)}: </span>
            <a href={input.url} target="_blank" rel="noreferrer noopener" className="break-all text-blue-700 underline">
              {input.url}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
