/**
 * The form's check: exactly what the API runs (the chosen model's validate on the request the
 * form would send, `model` included), plus what only the browser can see: an emptied number box (which would silently
 * fall back to the default) and the measured facts of the chosen images (size, transparency,
 * mask size), checked with the same rules the server uses.
 */
import { draftToRequest, requestFields } from "@/lib/playground-form/draft-to-request";
import { imageList, isImageValue, type ImageValue, type TaskDraft } from "@/lib/playground-form/draft-types";
import { fieldsOf } from "@/lib/playground-form/task-drafts";
import { defaultModel, inputImageProblems, maskProblems, type ModelDefinition, type TaskType } from "@/lib/models";

export interface FieldMessageLike {
  field: string;
  message: string;
}

export interface DraftCheck {
  ok: boolean;
  /** First message per form field: schema rules and emptied number boxes. */
  fieldErrors: Record<string, string>;
  /** First problem per image field, measured in the browser. */
  imageErrors: Record<string, string>;
  /** Messages that belong to no field of the form. */
  formErrors: string[];
}

/** The form field that shows an error about `field` ("images[2]" → images, …). */
export function formFieldOf(task: TaskType, field: string): string {
  const base = field.replace(/\[\d+\]$/, "");
  if (task === "IMAGE_VARIATION" && base === "image") return "images";
  if (base === "inpaint_mask_prompt") return "mask_prompt";
  return base;
}

/** Groups {field, message} pairs (from the model, the browser or a 422) by form field. */
export function groupErrors(task: TaskType, errors: FieldMessageLike[], model?: ModelDefinition) {
  const names = new Set(fieldsOf(task, model).map((f) => f.name));
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const { field, message } of errors) {
    const name = formFieldOf(task, field);
    if (names.has(name)) fieldErrors[name] ??= message;
    else formErrors.push(field ? `${field}: ${message}` : message);
  }
  return { fieldErrors, formErrors };
}

const facts = (v: ImageValue) => ({
  width: v.width,
  height: v.height,
  format: v.format,
  bitsPerChannel: v.bitsPerChannel,
  translucentPixels: v.translucentPixels,
});

/**
 * The rule problems of the chosen images. The image fields show these themselves (with their
 * fixes); here they only block Run, so the shared rules from the model suffice.
 */
function imageProblems(task: TaskType, draft: TaskDraft, model?: ModelDefinition): FieldMessageLike[] {
  const out: FieldMessageLike[] = [];
  const source = isImageValue(draft.image) ? draft.image : null;
  const fields = requestFields(task, draft, model);
  for (const spec of fields) {
    const value = draft[spec.name];
    if (spec.kind !== "image" || !isImageValue(value)) continue;
    if (spec.name !== "mask_image") out.push(...inputImageProblems(spec.name, facts(value)));
    else {
      // Masks must be lossless; a JPEG's greys would blur the edited area.
      if (value.format !== "png") out.push({ field: spec.name, message: `${spec.name} must be a PNG (got ${value.format})` });
      if (source) out.push(...maskProblems(spec.name, value, source));
    }
  }
  // IMAGE_VARIATION sends one source as `image`, so look at the list itself; other models send theirs as `images`.
  if (task === "IMAGE_VARIATION" || fields.some((f) => f.kind === "images")) {
    imageList(draft.images).forEach((v, i) => out.push(...inputImageProblems(`images[${i}]`, facts(v))));
  }
  return out;
}

/** The check of a draft of `model`'s task (the default model unless given). */
export function checkDraft(task: TaskType, draft: TaskDraft, model: ModelDefinition = defaultModel()): DraftCheck {
  const result = model.validate({ model: model.id, ...draftToRequest(task, draft, model) });
  const errors: FieldMessageLike[] = result.ok ? [] : [...result.errors];
  for (const spec of requestFields(task, draft, model)) {
    if ((spec.kind === "number" || spec.kind === "slider") && draft[spec.name] === null) {
      errors.push({ field: spec.name, message: `${spec.name} is required` });
    }
  }
  const images = imageProblems(task, draft, model);
  const grouped = groupErrors(task, errors, model);
  const imageErrors = groupErrors(task, images, model).fieldErrors;
  return { ok: errors.length === 0 && images.length === 0, ...grouped, imageErrors };
}
