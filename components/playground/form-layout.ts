/**
 * Which fields the form shows for a draft, and in which section. The list is visibleFields (so
 * the form shows exactly what draftToRequest sends), less the fields drawn by a combined control:
 * IMAGE_VARIATION's single `image` (its sources are all in `images`) and the mask prompts of
 * INPAINTING/OUTPAINTING (inside the mask switch, drawn at mask_image).
 */
import { MASK_SWITCH_TASKS, type TaskDraft } from "@/lib/playground-form/draft-types";
import { visibleFieldsOf } from "@/lib/playground-form/draft-to-request";
import type { FieldSpec, ModelDefinition, TaskType } from "@/lib/models";

export type SectionKey = "prompt" | "input" | "mask" | "tryOn" | "style" | "output" | "advanced";

export interface Section {
  key: SectionKey;
  fields: FieldSpec[];
}

const ORDER: SectionKey[] = ["prompt", "input", "mask", "tryOn", "style", "output", "advanced"];
const TRY_ON_OUTSIDE = new Set(["image", "reference_image", "quality", "number_of_images", "cfg_scale", "seed"]);
const MASK_PROMPTS = new Set(["mask_prompt", "inpaint_mask_prompt"]);

function sectionOf(task: TaskType, spec: FieldSpec): SectionKey {
  if (spec.name === "style") return "style";
  if (task === "VIRTUAL_TRY_ON" && !TRY_ON_OUTSIDE.has(spec.name)) return "tryOn";
  switch (spec.group) {
    case "prompt":
    case "input":
    case "mask":
    case "output":
      return spec.group;
    case "garment":
      return "tryOn";
    default:
      return "advanced";
  }
}

export function shownFields(task: TaskType, draft: TaskDraft, model?: ModelDefinition): FieldSpec[] {
  const maskSwitch = MASK_SWITCH_TASKS.includes(task);
  return visibleFieldsOf(task, draft, model).filter(
    (f) => !(task === "IMAGE_VARIATION" && f.name === "image") && !(maskSwitch && MASK_PROMPTS.has(f.name)),
  );
}

/** The names whose errors the shown controls display (the mask switch shows its prompt's too). */
export function placedNames(task: TaskType, draft: TaskDraft, model?: ModelDefinition): Set<string> {
  const names = new Set(shownFields(task, draft, model).map((f) => f.name));
  if (MASK_SWITCH_TASKS.includes(task)) names.add("mask_prompt");
  return names;
}

export function formSections(task: TaskType, draft: TaskDraft, model?: ModelDefinition): Section[] {
  const fields = shownFields(task, draft, model);
  return ORDER.map((key) => ({ key, fields: fields.filter((f) => sectionOf(task, f) === key) })).filter(
    (s) => s.fields.length > 0,
  );
}
