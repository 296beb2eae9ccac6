/**
 * Form metadata: which fields each task shows, in order (prompt, negative prompt, images,
 * task settings, output, advanced), built from the catalogues with per-task overrides.
 * fields.test.ts checks that every schema parameter has a field here and vice versa.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import { FIELD_CATALOG } from "@/lib/models/nova-canvas/field-catalog";
import type { TaskType } from "@/lib/models/task-types";
import { TRY_ON_FIELD_CATALOG } from "@/lib/models/nova-canvas/try-on-field-catalog";

export type { FieldGroup, FieldKind, FieldSpec } from "@/lib/models/field-spec";

/** Kept in the draft when the person switches task; everything else is task-specific. */
export const SHARED_FIELDS = ["prompt", "negative_prompt", "seed", "quality", "number_of_images", "cfg_scale"] as const;

const CATALOG: Record<string, FieldSpec> = { ...FIELD_CATALOG, ...TRY_ON_FIELD_CATALOG };

function field(name: string, overrides: Partial<FieldSpec> = {}): FieldSpec {
  const base = CATALOG[name];
  if (!base) throw new Error(`no FieldSpec for ${name}`);
  return { ...base, ...overrides };
}

const filled = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);

const prompt = (required: boolean, help?: string) => [
  field("prompt", { required, ...(help ? { help } : {}) }),
  field("negative_prompt"),
];
const settings = [field("quality"), field("number_of_images"), field("cfg_scale"), field("seed")];
const outputSize = [field("aspect_ratio"), field("size_scale")];

export const TASK_FIELDS: Record<TaskType, FieldSpec[]> = {
  TEXT_IMAGE: [
    ...prompt(true),
    field("image", {
      label: "Condition image",
      help: "Optional: the output follows this image's edges or layout. PNG or JPEG, 320–4,096 px a side.",
    }),
    field("control_mode", { showWhen: (d) => filled(d.image) }),
    field("control_strength", { showWhen: (d) => filled(d.image) }),
    field("style"),
    ...outputSize,
    ...settings,
  ],
  IMAGE_VARIATION: [
    ...prompt(false, "Optional: what to change or emphasise in the variations. Up to 1,024 characters."),
    field("image", { label: "Source image", help: "One source image. For several, use Source images instead.", showWhen: (d) => !filled(d.images) }),
    field("images", { showWhen: (d) => !filled(d.image) }),
    field("similarity_strength"),
    ...outputSize,
    ...settings,
  ],
  INPAINTING: [
    ...prompt(false, "What to put in the masked area. Leave empty to remove the masked object."),
    field("image", { label: "Image to edit", required: true }),
    field("mask_image", { help: "Paint the area to change, or describe it in Mask prompt instead (one of the two)." }),
    field("mask_prompt", { help: "Name the area to change in words instead of painting it, e.g. \"the red car\"." }),
    // Only shown when already set (e.g. a repeated API request): mask_prompt does the same job.
    field("inpaint_mask_prompt", { showWhen: (d) => filled(d.inpaint_mask_prompt) }),
    ...settings,
  ],
  OUTPAINTING: [
    ...prompt(true, "Describe the new surroundings of the kept subject. Up to 1,024 characters."),
    field("image", { label: "Image to extend", required: true }),
    field("mask_image", { help: "Paint the subject to keep, or describe it in Mask prompt instead (one of the two)." }),
    field("mask_prompt", { help: "Name the subject to keep in words instead of painting it, e.g. \"the bottle\"." }),
    field("outpainting_mode"),
    ...settings,
  ],
  COLOR_GUIDED_GENERATION: [
    ...prompt(true),
    field("colors", { required: true }),
    field("reference_image", { label: "Style reference", help: "Optional: an image whose style to follow. PNG or JPEG." }),
    ...outputSize,
    ...settings,
  ],
  BACKGROUND_REMOVAL: [
    field("image", { label: "Image", required: true, help: "The subject is kept and the background made transparent. PNG or JPEG." }),
  ],
  VIRTUAL_TRY_ON: [
    field("image", { label: "Person", required: true, help: "A photo of the person to dress. PNG or JPEG." }),
    field("reference_image", { label: "Garment", required: true, help: "A photo of the garment to put on. PNG or JPEG." }),
    field("mask_type"),
    field("mask_image", {
      required: true,
      help: "Paint where the garment goes on the person.",
      showWhen: (d) => d.mask_type === "IMAGE",
    }),
    field("garment_class"),
    field("mask_prompt", {
      required: true,
      help: "Name where the garment goes, e.g. \"upper body\".",
      showWhen: (d) => d.mask_type === "PROMPT",
    }),
    field("mask_shape"),
    field("long_sleeve_style"),
    field("tucking_style"),
    field("outer_layer_style"),
    field("preserve_body_pose"),
    field("preserve_hands"),
    field("preserve_face"),
    field("merge_style"),
    field("return_mask"),
    ...settings,
  ],
};

/** The fields of a task the form shows for this draft. */
export function visibleFields(taskType: TaskType, draft: Record<string, unknown>): FieldSpec[] {
  return TASK_FIELDS[taskType].filter((f) => !f.showWhen || f.showWhen(draft));
}
