import type { ImageMode } from "@/lib/request-snippets/request-snippets";

const CHOICES: readonly { id: ImageMode; label: string }[] = [
  { id: "urls", label: "Images as URLs of this playground" },
  { id: "placeholder", label: "As base64 placeholders" },
];

/** How the request carries the job's stored input images; `local` explains why URLs would fail. */
export function ImageModeChoice({ name, value, onChange, local }: { name: string; value: ImageMode; onChange: (m: ImageMode) => void; local: boolean }) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="sr-only">Input images</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {CHOICES.map((c) => (
          <label key={c.id} className="inline-flex items-center gap-1.5">
            <input type="radio" name={name} value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
            {c.label}
          </label>
        ))}
      </div>
      <p className="text-xs text-neutral-600">
        {value === "urls"
          ? local
            ? "This playground runs on a private address: the gateway cannot fetch these URLs. Use placeholders, or run it where the gateway can reach it."
            : "The gateway fetches each image from this playground, so it must stay reachable from the internet."
          : "Replace each <BASE64_PNG_OF_…> with the image's base64 (PNG or JPEG) before sending."}
      </p>
    </fieldset>
  );
}
