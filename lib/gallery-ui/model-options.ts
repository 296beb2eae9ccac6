import type { ApiModel } from "@/lib/api-types";
import { modelLabel } from "@/lib/queries/use-models";

export interface ModelOption {
  id: string;
  label: string;
}

/**
 * The gallery's Model choices: every model that made a stored image (the ids in the history,
 * from the spend summary), plus the one the filter names when it made none (a hand-edited or
 * bookmarked URL keeps showing what it filters by). Labelled with the offered models' names,
 * the id for a model no longer offered; by label, then id.
 */
export function modelOptions(historyIds: readonly string[], current: string | undefined, models: readonly ApiModel[] | undefined): ModelOption[] {
  const ids = new Set(historyIds);
  if (current) ids.add(current);
  return [...ids]
    .map((id) => ({ id, label: modelLabel(id, models) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
