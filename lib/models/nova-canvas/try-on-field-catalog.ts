/**
 * FieldSpecs of VIRTUAL_TRY_ON's own parameters. Each mask type shows only its own fields
 * (the schema rejects the others), so `showWhen` mirrors the schema's cross-field rules.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import * as O from "@/lib/models/nova-canvas/options";

const maskTypeIs =
  (...types: O.MaskType[]) =>
  (draft: Record<string, unknown>): boolean =>
    types.includes(draft.mask_type as O.MaskType);

const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
const labelsOf = (options: readonly string[]) => Object.fromEntries(options.map((o) => [o, words(o)]));

const preserve = (name: string, label: string, what: string): FieldSpec => ({
  name, label, kind: "select", options: O.PRESERVE_OPTIONS, optionLabels: labelsOf(O.PRESERVE_OPTIONS),
  group: "advanced", help: `Keep the person's ${what} as in the photo. Default lets the model decide.`,
});

const garmentStyle = (name: string, label: string, options: readonly string[], help: string): FieldSpec => ({
  name, label, kind: "select", options, optionLabels: labelsOf(options), group: "garment", help,
  showWhen: maskTypeIs("GARMENT"),
});

export const TRY_ON_FIELD_CATALOG: Record<string, FieldSpec> = {
  mask_type: {
    name: "mask_type", label: "Where the garment goes", kind: "select", required: true, group: "mask",
    options: O.MASK_TYPES,
    optionLabels: { IMAGE: "A mask I paint", GARMENT: "A garment class", PROMPT: "An area I describe" },
    help: "Paint the area, pick the kind of garment and let the model find it, or describe the area in words.",
  },
  garment_class: {
    name: "garment_class", label: "Garment class", kind: "select", required: true, group: "mask",
    options: O.GARMENT_CLASSES, optionLabels: labelsOf(O.GARMENT_CLASSES),
    help: "The kind of garment; the model finds where it goes on the person.",
    showWhen: maskTypeIs("GARMENT"),
  },
  mask_shape: {
    name: "mask_shape", label: "Mask shape", kind: "select", group: "mask",
    options: O.MASK_SHAPES, optionLabels: { CONTOUR: "Contour", BOUNDING_BOX: "Bounding box", DEFAULT: "Default" },
    help: "Follow the garment's outline (contour) or a box around it; a box leaves room for a looser fit.",
    showWhen: maskTypeIs("GARMENT", "PROMPT"),
  },
  long_sleeve_style: garmentStyle("long_sleeve_style", "Sleeves", O.LONG_SLEEVE_STYLES, "Long sleeves down or rolled up."),
  tucking_style: garmentStyle("tucking_style", "Tucking", O.TUCKING_STYLES, "Top tucked into or left out of the bottoms."),
  outer_layer_style: garmentStyle("outer_layer_style", "Outer layer", O.OUTER_LAYER_STYLES, "Jacket or coat worn closed or open."),
  preserve_body_pose: preserve("preserve_body_pose", "Keep body pose", "pose"),
  preserve_hands: preserve("preserve_hands", "Keep hands", "hands"),
  preserve_face: preserve("preserve_face", "Keep face", "face"),
  merge_style: {
    name: "merge_style", label: "Merge style", kind: "select", group: "advanced",
    options: O.MERGE_STYLES, optionLabels: labelsOf(O.MERGE_STYLES),
    help: "Balanced keeps the photo outside the mask; Seamless blends the edges; Detailed renders the garment finer.",
  },
  return_mask: {
    name: "return_mask", label: "Return the mask", kind: "toggle", group: "advanced", default: false,
    help: "Also return the mask the model used, to check where the garment went.",
  },
};
