"use client";
/** Pieces of a history entry shared by the palette and the /prompts page. */
import { formatLastUsed, formatUses } from "@/components/prompt-history/last-used";
import { PlainImg } from "@/components/ui/plain-img";
import type { ApiPromptEntry } from "@/lib/api-types";

/** "used 3 times · last used yesterday" (the date in full on hover). */
export function EntryFacts({ entry, now }: { entry: ApiPromptEntry; now: number }) {
  return (
    <span className="text-xs text-neutral-600" data-testid="prompt-facts">
      {formatUses(entry.useCount)} · last used <time dateTime={entry.lastUsedAt} title={new Date(entry.lastUsedAt).toLocaleString()}>{formatLastUsed(entry.lastUsedAt, now)}</time>
    </span>
  );
}

/** The entry's newest favourite results, as the gallery's thumbnails. */
export function FavoriteThumbs({ entry, size = 64 }: { entry: ApiPromptEntry; size?: number }) {
  if (entry.favorites.length === 0) return <p className="text-xs text-neutral-500">No favourite results from this {entry.kind === "negative" ? "negative prompt" : "prompt"} yet.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Favourite results">
      {entry.favorites.map((img, i) => (
        <li key={img.id}>
          <PlainImg
            src={img.thumbUrl}
            alt={`Favourite result ${i + 1} of ${entry.favorites.length}`}
            width={size}
            height={size}
            className="rounded border border-neutral-200 bg-neutral-100 object-cover"
            style={{ width: size, height: size }}
          />
        </li>
      ))}
    </ul>
  );
}

/** Pin or unpin: a toggle button, "Pin" pressed or not (the visible word follows the state). */
export function PinButton({ entry, pending, onToggle }: { entry: ApiPromptEntry; pending: boolean; onToggle: (pinned: boolean) => void }) {
  const pinned = entry.pinnedAt !== null;
  return (
    <button
      type="button"
      aria-pressed={pinned}
      aria-label="Pin"
      disabled={pending}
      onClick={() => onToggle(!pinned)}
      className="rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-neutral-100 disabled:text-neutral-400 aria-pressed:border-amber-400 aria-pressed:bg-amber-50"
    >
      <span aria-hidden="true">{pinned ? "★ " : "☆ "}</span>
      {pinned ? "Pinned" : "Pin"}
    </button>
  );
}
