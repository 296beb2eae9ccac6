"use client";
/**
 * The mask of INPAINTING, OUTPAINTING and VIRTUAL_TRY_ON (mask type IMAGE): painted in the mask
 * editor over the source image, or uploaded as a file. The painted mask belongs to the image
 * (kept in the browser under the image's key), so it comes back after a task switch or a reload
 * when the same image is there; the form's value is re-exported from it after every change.
 */
import { useState } from "react";
import { labelOf } from "@/components/playground/field-help";
import { LazyImageInput, LazyMaskOverlay } from "@/components/playground/fields/lazy-image-input";
import { useField } from "@/components/playground/fields/use-field";
import { lazyClient } from "@/components/ui/lazy-client";
import { isImageValue } from "@/lib/playground-form/draft-types";
import { useDraftValue, useFormStore } from "@/lib/playground-form/form-store";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { isPaintedMask } from "@/lib/mask-editor/export-mask";
import { maskFileToStroke } from "@/lib/mask-editor/import-mask";
import { imageKeyOf } from "@/lib/mask-editor/image-key";
import { useMaskDocs } from "@/lib/mask-editor/mask-docs-store";
import { usePaintedMaskSync } from "@/lib/mask-editor/use-painted-mask-sync";
import type { FieldSpec } from "@/lib/models";

/** Konva and the editor load only when someone opens it (they stay out of the first load). */
const LazyMaskEditor = lazyClient(
  () => import("@/components/mask-editor/mask-editor").then((m) => m.MaskEditor),
  <p role="status" className="text-sm text-neutral-600">Opening the mask editor…</p>,
);

const paintButton =
  "inline-flex items-center gap-1.5 rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-neutral-700 disabled:cursor-not-allowed disabled:bg-neutral-300";

export function MaskImageField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const source = useDraftValue("image");
  const task = useFormStore((s) => s.taskType);
  const image = isImageValue(source) ? source : null;
  const mask = isImageValue(value) ? value : null;
  const [editing, setEditing] = useState(false);
  usePaintedMaskSync(image, mask, (v) => set(v));
  const painted = useMaskDocs((s) => (image ? (s.docs[imageKeyOf(image)]?.done.length ?? 0) > 0 : false));

  /** An uploaded mask with nothing painted yet becomes the document's first step, to refine. */
  const openEditor = async (img: ImageValue, current: ImageValue | null) => {
    const key = imageKeyOf(img);
    const size = { width: img.width, height: img.height };
    const docs = useMaskDocs.getState();
    const uploaded = current && !isPaintedMask(current) && current.width === img.width && current.height === img.height;
    if (uploaded && (docs.docs[key]?.done.length ?? 0) === 0) {
      try {
        docs.commit(key, size, await maskFileToStroke(current));
      } catch {
        // Unreadable here means unreadable for the model too; the field already says so.
      }
    }
    setEditing(true);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={paintButton} disabled={!image} onClick={() => image && openEditor(image, mask)} aria-describedby={`${id}-paint-help`}>
          {painted ? "Edit the painted mask" : "Paint the mask"}
        </button>
        <span id={`${id}-paint-help`} className="text-xs text-neutral-600">
          {image ? "Paint over the image; it is sent as a black-and-white PNG of the same size." : "Add the image first: the mask is painted on it."}
        </span>
      </div>
      <LazyImageInput
        id={id}
        field={spec.name}
        label={labelOf(spec)}
        help={image ? `${spec.help} Or upload a mask file of the same size.` : `${spec.help} Add the image first: the mask must match its size.`}
        value={mask}
        onChange={(v) => {
          // Removing a painted mask here is an explicit clear: it is an undoable step of its document.
          if (v === null && image && isPaintedMask(mask)) {
            useMaskDocs.getState().commit(imageKeyOf(image), { width: image.width, height: image.height }, { kind: "clear" });
          }
          set(v);
          touch();
        }}
        onBlur={touch}
        required={spec.required}
        kind="mask"
        matchSize={image ? { width: image.width, height: image.height } : null}
        error={error}
      />
      {image && mask && <LazyMaskOverlay image={image} mask={mask} taskType={task} />}
      {editing && image && (
        <LazyMaskEditor
          key={imageKeyOf(image)}
          image={image}
          task={task}
          sent={mask}
          onClose={() => {
            setEditing(false);
            touch();
          }}
        />
      )}
    </div>
  );
}
