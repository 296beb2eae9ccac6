/**
 * Draft → the flat snake_case body POST /api/jobs takes. Only the fields the form shows for this
 * draft are sent (a field a task or a mode does not use is neither shown nor sent); empty values
 * are left out; images go as data: URLs.
 */
import type { GenerationRequestBody } from "@/lib/queries/api";
import {
  imageList,
  isImageValue,
  maskBy,
  MASK_SWITCH_TASKS,
  type TaskDraft,
} from "@/lib/playground-form/draft-types";
import { fieldsOf } from "@/lib/playground-form/task-drafts";
import type { FieldSpec, ModelDefinition, TaskType } from "@/lib/models";

const MASK_PROMPT_FIELDS = new Set(["mask_prompt", "inpaint_mask_prompt"]);

/**
 * The draft as the request sees it. IMAGE_VARIATION keeps its sources in `images`; a single
 * source is sent as `image`, the documented field (`images` is an assumed name).
 */
export function requestDraft(task: TaskType, draft: TaskDraft): TaskDraft {
  if (task !== "IMAGE_VARIATION") return draft;
  const sources = imageList(draft.images);
  return sources.length === 1 ? { ...draft, image: sources[0], images: [] } : { ...draft, image: null };
}

/** The fields of `model` (the default model unless given) a draft shows and sends. */
export function visibleFieldsOf(task: TaskType, draft: TaskDraft, model?: ModelDefinition): FieldSpec[] {
  return fieldsOf(task, model).filter((f) => !f.showWhen || f.showWhen(draft));
}

/** The fields sent for this draft, in form order. */
export function requestFields(task: TaskType, draft: TaskDraft, model?: ModelDefinition): FieldSpec[] {
  const shown = visibleFieldsOf(task, requestDraft(task, draft), model);
  if (!MASK_SWITCH_TASKS.includes(task)) return shown;
  const byPrompt = maskBy(draft) === "prompt";
  return shown.filter((f) => (byPrompt ? f.name !== "mask_image" : !MASK_PROMPT_FIELDS.has(f.name)));
}

/** One field's request value, or undefined when it is not set. */
export function toRequestValue(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "image":
      return isImageValue(value) ? value.dataUrl : undefined;
    case "images": {
      const list = imageList(value);
      return list.length > 0 ? list.map((v) => v.dataUrl) : undefined;
    }
    case "colors":
      return Array.isArray(value) ? value : undefined;
    case "number":
    case "slider":
    case "seed":
      return typeof value === "number" ? value : undefined;
    case "toggle":
      // Off is the model's default: leaving it out keeps the request minimal.
      return value === true ? true : undefined;
    default:
      if (typeof value !== "string" || value === "") return undefined;
      // The gateway must never receive a blank negative prompt.
      if (spec.name === "negative_prompt" && value.trim() === "") return undefined;
      return value;
  }
}

/** The request body; `model` is added by the run (useRunJob) and the check (checkDraft). */
export function draftToRequest(task: TaskType, draft: TaskDraft, model?: ModelDefinition): GenerationRequestBody {
  const source = requestDraft(task, draft);
  const body: GenerationRequestBody = { task_type: task };
  for (const spec of requestFields(task, draft, model)) {
    const value = toRequestValue(spec, source[spec.name]);
    if (value !== undefined) body[spec.name] = value;
  }
  return body;
}
