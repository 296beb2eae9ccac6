import { PlainImg } from "@/components/ui/plain-img";
import type { ApiJob } from "@/lib/api-types";

/** Every output of the job as thumbnails; the one shown large is marked, a click shows another. */
export function JobOutputs({ job, currentId, onSelect }: { job: ApiJob; currentId: string; onSelect: (id: string) => void }) {
  if (job.images.length < 2) return null;
  return (
    <section aria-labelledby={`outputs-${job.id}`} className="flex flex-col gap-2">
      <h3 id={`outputs-${job.id}`} className="text-xs font-medium uppercase tracking-wide text-neutral-500">
        Outputs of this job ({job.images.length})
      </h3>
      <ul className="grid grid-cols-4 gap-2">
        {job.images.map((image) => {
          const current = image.id === currentId;
          return (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={current}
                aria-label={`Show output ${image.index + 1} (seed ${image.seed ?? "—"})`}
                onClick={() => onSelect(image.id)}
                className={`block w-full rounded border-2 bg-neutral-100 ${current ? "border-neutral-900" : "border-transparent hover:border-neutral-400"}`}
              >
                <PlainImg src={image.thumbUrl} alt="" width={image.width} height={image.height} className="aspect-square h-auto w-full object-contain" />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
