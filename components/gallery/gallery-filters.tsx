"use client";
/**
 * Search in prompts, filter by task type, model, quality, favourites and date range, and sort.
 * Every change goes to the URL at once (the search box after a short pause), and the grid follows.
 * The Model choices are the models that made stored images (the spend summary lists them).
 */
import { useEffect, useId, useState } from "react";
import { useMounted } from "@/components/ui/lazy-client";
import { TASK_LABELS } from "@/lib/models/task-labels";
import { TASK_TYPES, type TaskType } from "@/lib/models/task-types";
import { modelOptions } from "@/lib/gallery-ui/model-options";
import { useModels } from "@/lib/queries/use-models";
import { useSpend } from "@/lib/queries/use-spend";
import { GALLERY_SORTS, isFiltered, QUALITIES, SEARCH_MAX, SORT_LABELS, type GalleryFilter, type GallerySort } from "@/lib/gallery/gallery-filter";

const control = "h-9 rounded-md border border-neutral-300 bg-white px-2 text-sm";
const SEARCH_DELAY_MS = 300;

export function GalleryFilters({ filter, onChange }: { filter: GalleryFilter; onChange(next: GalleryFilter): void }) {
  const id = useId();
  const [q, setQ] = useState(filter.q ?? "");
  const [shownQ, setShownQ] = useState(filter.q);
  // The URL changed from elsewhere (back button, "Clear filters"): the box follows.
  if (filter.q !== shownQ) {
    setShownQ(filter.q);
    setQ(filter.q ?? "");
  }
  useEffect(() => {
    if ((filter.q ?? "") === q.trim()) return;
    const t = setTimeout(() => onChange({ ...filter, q: q.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [q, filter, onChange]);

  const { data: models } = useModels();
  const { data: spend } = useSpend();
  const modelChoices = modelOptions(spend?.byModel.map((m) => m.model) ?? [], filter.model, models);

  const set = (patch: Partial<GalleryFilter>) => onChange({ ...filter, ...patch });
  // Until hydrated the controls are inert: what is typed into the server's HTML before React
  // takes over is lost (React sets the value back), so they wait until it has.
  const ready = useMounted();
  return (
    <search className="flex flex-wrap items-end gap-3" aria-label="Filter the gallery">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium">Search prompts</span>
        <input disabled={!ready} type="search" value={q} maxLength={SEARCH_MAX} onChange={(e) => setQ(e.target.value)} placeholder="lighthouse" className={control} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Task</span>
        <select disabled={!ready} className={control} value={filter.task ?? ""} onChange={(e) => set({ task: (e.target.value || undefined) as TaskType | undefined })}>
          <option value="">All tasks</option>
          {TASK_TYPES.map((t) => (
            <option key={t} value={t}>
              {TASK_LABELS[t].label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Model</span>
        <select disabled={!ready} className={control} value={filter.model ?? ""} onChange={(e) => set({ model: e.target.value || undefined })}>
          <option value="">All models</option>
          {modelChoices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Quality</span>
        <select disabled={!ready} className={control} value={filter.quality ?? ""} onChange={(e) => set({ quality: (e.target.value || undefined) as GalleryFilter["quality"] })}>
          <option value="">Any</option>
          {QUALITIES.map((x) => (
            <option key={x} value={x}>
              {x === "standard" ? "Standard" : "Premium"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-from`}>
        <span className="font-medium">From</span>
        <input disabled={!ready} id={`${id}-from`} type="date" className={control} value={filter.from ?? ""} max={filter.to} onChange={(e) => set({ from: e.target.value || undefined })} />
      </label>
      <label className="flex flex-col gap-1 text-sm" htmlFor={`${id}-to`}>
        <span className="font-medium">To</span>
        <input disabled={!ready} id={`${id}-to`} type="date" className={control} value={filter.to ?? ""} min={filter.from} onChange={(e) => set({ to: e.target.value || undefined })} />
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input disabled={!ready} type="checkbox" checked={Boolean(filter.favorites)} onChange={(e) => set({ favorites: e.target.checked || undefined })} />
        Favourites only
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Sort</span>
        <select disabled={!ready} className={control} value={filter.sort} onChange={(e) => set({ sort: e.target.value as GallerySort })}>
          {GALLERY_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) && (
        <button type="button" className="h-9 rounded-md px-2 text-sm font-medium text-blue-700 underline" onClick={() => onChange({ sort: filter.sort })}>
          Clear filters
        </button>
      )}
    </search>
  );
}
