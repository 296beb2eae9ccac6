import { taskLabel } from "@/lib/display/task-label";
import type { GalleryFilter } from "@/lib/gallery/gallery-filter";

/**
 * A gallery filter in words ("“heron” · Favourites · FLUX.2 [klein] 4B · Inpainting · 2026-03-01
 * to 2026-03-31"): the default title of a share made from a filtered view. The whole gallery is
 * "Gallery". `modelName` names a model id (the page passes modelLabel with the offered models);
 * without it the id is shown as it is.
 */
export function describeFilter(f: GalleryFilter, modelName: (id: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (f.q) parts.push(`“${f.q}”`);
  if (f.favorites) parts.push("Favourites");
  if (f.model) parts.push(modelName(f.model));
  if (f.task) parts.push(taskLabel(f.task));
  if (f.quality) parts.push(f.quality === "premium" ? "Premium quality" : "Standard quality");
  if (f.from && f.to) parts.push(f.from === f.to ? f.from : `${f.from} to ${f.to}`);
  else if (f.from) parts.push(`since ${f.from}`);
  else if (f.to) parts.push(`until ${f.to}`);
  return parts.length ? parts.join(" · ") : "Gallery";
}
