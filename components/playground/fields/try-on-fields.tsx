"use client";

import type { ReactNode } from "react";
import { ChoiceSegments } from "@/components/playground/fields/choice-segments";
import { GarmentClassSelect } from "@/components/playground/fields/garment-class-select";
import { MaskImageField } from "@/components/playground/fields/mask-image-field";
import { TextAreaField } from "@/components/playground/fields/text-area-field";
import { ToggleField } from "@/components/playground/fields/toggle-field";
import type { FieldSpec } from "@/lib/models";

interface TryOnFieldsProps {
  /** VIRTUAL_TRY_ON's own fields that the draft shows, in form order. */
  fields: FieldSpec[];
  errors: Record<string, string | undefined>;
}

const MASK_TYPE_LABELS = { IMAGE: "Mask image", GARMENT: "By garment class", PROMPT: "Describe it" };
const STYLING = ["long_sleeve_style", "tucking_style", "outer_layer_style"];
const PRESERVE = ["preserve_body_pose", "preserve_hands", "preserve_face"];

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-md border border-neutral-200 p-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-neutral-600 uppercase">{legend}</legend>
      {children}
    </fieldset>
  );
}

/**
 * Where the garment goes (mask type and the one field it needs), styling (garment class only),
 * what to keep from the photo, merge style and the returned mask. Only the fields the chosen
 * mask type takes are given (visibleFields), so only those are shown and sent.
 */
export default function TryOnFields({ fields, errors }: TryOnFieldsProps) {
  const spec = (name: string) => fields.find((f) => f.name === name);
  const render = (name: string, control: (s: FieldSpec) => ReactNode) => {
    const s = spec(name);
    return s ? <div key={name}>{control(s)}</div> : null;
  };
  const segments = (name: string) => render(name, (s) => <ChoiceSegments spec={s} error={errors[name]} />);
  const styling = STYLING.filter((n) => spec(n));

  return (
    <div className="flex flex-col gap-4">
      <Group legend="Where the garment goes">
        {render("mask_type", (s) => <ChoiceSegments spec={s} error={errors.mask_type} labels={MASK_TYPE_LABELS} />)}
        {render("mask_image", (s) => <MaskImageField spec={s} error={errors.mask_image} />)}
        {render("garment_class", (s) => <GarmentClassSelect spec={s} error={errors.garment_class} />)}
        {render("mask_prompt", (s) => <TextAreaField spec={s} error={errors.mask_prompt} placeholder="upper body" />)}
        {segments("mask_shape")}
      </Group>
      {styling.length > 0 && <Group legend="Garment styling">{styling.map(segments)}</Group>}
      <Group legend="Keep from the photo">{PRESERVE.map(segments)}</Group>
      {segments("merge_style")}
      {render("return_mask", (s) => <ToggleField spec={s} error={errors.return_mask} />)}
    </div>
  );
}
