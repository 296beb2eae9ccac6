/**
 * Where a reused job's parameters go. Into its own model and task when that model is offered and
 * can run; otherwise into the chosen model (or the first that can run), with a sentence saying why
 * and, once loaded, which parameters did not fit there. Pure, so the rules are unit-tested.
 */
import type { ApiJob, ApiModel } from "@/lib/api-types";
import { canRun, whyUnavailable } from "@/lib/playground-form/model-choice";
import { fieldsOf } from "@/lib/playground-form/task-drafts";
import { definitionOf, modelLabel } from "@/lib/queries/use-models";
import { getModel, isTaskType, type ModelDefinition, type TaskType } from "@/lib/models";

export type ReusePlan =
  | { ok: true; model: ModelDefinition; task: TaskType; /** Why not the job's own model; null when it is. */ reason: string | null }
  | { ok: false; message: string };

const offers = (def: ModelDefinition, task: string): task is TaskType => isTaskType(task) && def.taskTypes.includes(task);

/** `models` undefined: the list is still loading, so only a built-in model can be trusted to run. */
export function planReuse(job: Pick<ApiJob, "model" | "taskType">, models: readonly ApiModel[] | undefined, chosenId: string): ReusePlan {
  if (!models) {
    const own = getModel(job.model);
    if (own && offers(own, job.taskType)) return { ok: true, model: own, task: job.taskType, reason: null };
    return { ok: false, message: "The models on offer are still loading; try again in a moment." };
  }
  const own = models.find((m) => m.id === job.model);
  const ownDef = own ? definitionOf(own) : null;
  if (own && ownDef && canRun(own) && offers(ownDef, job.taskType)) return { ok: true, model: ownDef, task: job.taskType, reason: null };
  const reason = own
    ? (whyUnavailable(own) ?? `${own.label} cannot run ${job.taskType}`)
    : `${modelLabel(job.model, models)} is not offered any more`;
  const chosen = models.find((m) => m.id === chosenId);
  const target = chosen && canRun(chosen) ? chosen : models.find(canRun);
  const def = target ? definitionOf(target) : null;
  if (!def) return { ok: false, message: `${reason}, and no model on offer can run now.` };
  return { ok: true, model: def, task: offers(def, job.taskType) ? job.taskType : def.defaultTaskType, reason };
}

/** Names the form reads under another name (reuse-params.ts reads them so). */
const FORM_NAME: Record<string, string> = { inpaint_mask_prompt: "mask_prompt" };
const NOT_PARAMETERS = new Set(["model", "task_type"]);

/** The job's parameters the target model's task has no field for. */
export function leftOutParams(params: Record<string, unknown>, model: ModelDefinition, task: TaskType): string[] {
  const names = new Set(fieldsOf(task, model).map((f) => f.name));
  // IMAGE_VARIATION keeps a single source as `images`.
  if (task === "IMAGE_VARIATION") names.add("image");
  return Object.keys(params).filter((k) => !NOT_PARAMETERS.has(k) && params[k] !== undefined && !names.has(FORM_NAME[k] ?? k));
}

/** "Amazon Nova Canvas was retired on 2026-09-30; loaded into FLUX.2 [klein] 4B without cfg_scale, style". */
export function reuseNotice(reason: string, model: ModelDefinition, leftOut: readonly string[]): string {
  const without = leftOut.length > 0 ? ` without ${leftOut.join(", ")}` : "";
  return `${reason}; loaded into ${model.label}${without}`;
}
