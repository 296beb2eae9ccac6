import { draftToRequest, type DraftField, type TextImageDraft } from "@/lib/client/form-store";
import { validateGenerationRequest } from "@/lib/models";

export interface DraftCheck {
  ok: boolean;
  /** First message per form field. */
  fieldErrors: Partial<Record<DraftField, string>>;
  /** Messages that belong to no field of the form. */
  formErrors: string[];
}

const FORM_FIELDS = new Set<string>([
  "prompt",
  "negative_prompt",
  "style",
  "aspect_ratio",
  "size_scale",
  "quality",
  "number_of_images",
  "cfg_scale",
  "seed",
]);

export function isDraftField(field: string): field is DraftField {
  return FORM_FIELDS.has(field);
}

/** Groups {field, message} pairs (from the model or a 422) by form field. */
export function groupErrors(errors: { field: string; message: string }[]): Omit<DraftCheck, "ok"> {
  const fieldErrors: Partial<Record<DraftField, string>> = {};
  const formErrors: string[] = [];
  for (const { field, message } of errors) {
    if (isDraftField(field)) fieldErrors[field] ??= message;
    else formErrors.push(field ? `${field}: ${message}` : message);
  }
  return { fieldErrors, formErrors };
}

/**
 * The same check the API runs (validateGenerationRequest), plus one the schema cannot see: an
 * emptied number box, which would otherwise silently fall back to the default.
 */
export function checkDraft(draft: TextImageDraft): DraftCheck {
  const result = validateGenerationRequest(draftToRequest(draft));
  const errors = result.ok ? [] : [...result.errors];
  if (draft.number_of_images === null) errors.push({ field: "number_of_images", message: "number_of_images is required" });
  if (draft.cfg_scale === null) errors.push({ field: "cfg_scale", message: "cfg_scale is required" });
  const grouped = groupErrors(errors);
  return { ok: errors.length === 0, ...grouped };
}
