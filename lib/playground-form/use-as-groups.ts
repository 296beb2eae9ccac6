/**
 * The "Use as…" menu's groups: the default model's tasks (as before there were other models),
 * then one group per other model on offer, either its reference images or, for a model that
 * cannot take the image (no image input, retired, refused), the reason, so the menu says why
 * instead of leaving the model out silently. Pure, so it is unit-tested.
 */
import type { ApiModel } from "@/lib/api-types";
import { canRun, whyUnavailable } from "@/lib/playground-form/model-choice";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { USE_AS_TARGETS, type UseAsTarget } from "@/lib/playground-form/use-as";
import { definitionOf } from "@/lib/queries/use-models";
import { DEFAULT_MODEL_ID, TASK_LABELS, TASK_TYPES } from "@/lib/models";

export interface UseAsGroup {
  key: string;
  label: string;
  targets: UseAsTarget[];
  /** Why this model takes no image from here; its group then has no targets. */
  refusal?: string;
}

function defaultModelGroups(): UseAsGroup[] {
  return TASK_TYPES.map((task) => ({ key: task, label: TASK_LABELS[task].label, targets: USE_AS_TARGETS.filter((t) => t.task === task) })).filter(
    (g) => g.targets.length > 0,
  );
}

function otherModelGroup(m: ApiModel): UseAsGroup {
  const group = { key: m.id, label: m.label, targets: [] };
  const def = definitionOf(m);
  const why = whyUnavailable(m);
  if (why || !def) return { ...group, refusal: why ?? `${m.label} cannot run here` };
  const task = def.defaultTaskType;
  const images = def.taskFields[task]?.find((f) => f.kind === "images");
  if (!images) return { ...group, refusal: `${m.label} takes no input images` };
  const target: UseAsTarget = { id: `${m.id}.${images.name}+`, model: def, task, field: "images", append: true, role: `Add to ${images.label.toLowerCase()}` };
  return { ...group, targets: [target] };
}

/** `models` undefined (still loading or unreadable): the default model's groups only; it is built in. */
export function useAsGroups(models: readonly ApiModel[] | undefined): UseAsGroup[] {
  if (!models) return defaultModelGroups();
  const own = models.find((m) => m.id === DEFAULT_MODEL_ID);
  const groups: UseAsGroup[] = [];
  if (own && canRun(own)) groups.push(...defaultModelGroups());
  else if (own) groups.push({ key: own.id, label: own.label, targets: [], refusal: whyUnavailable(own) ?? undefined });
  for (const m of models) if (!ownsTaskDrafts(m.id)) groups.push(otherModelGroup(m));
  return groups;
}
