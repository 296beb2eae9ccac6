"use client";
/**
 * OUTPAINTING's frame: choose a larger canvas, place the image in it, and the padded image and
 * its mask (white around the image) replace the form's image and painted mask in one step. The
 * mask is stored as strokes of the padded image's document, so it can be refined in the editor.
 */
import { useState } from "react";
import { lazyClient } from "@/components/ui/lazy-client";
import { isImageValue, MASK_BY } from "@/lib/playground-form/draft-types";
import { useDraftValue, useFormStore } from "@/lib/playground-form/form-store";
import { imageKeyOf } from "@/lib/mask-editor/image-key";
import { useMaskDocs } from "@/lib/mask-editor/mask-docs-store";

const LazyOutpaintFrame = lazyClient(
  () => import("@/components/mask-editor/outpaint-frame").then((m) => m.OutpaintFrame),
  <p role="status" className="text-sm text-neutral-600">Opening the frame…</p>,
);

export function ExtendCanvasButton() {
  const source = useDraftValue("image");
  const setField = useFormStore((s) => s.setField);
  const image = isImageValue(source) ? source : null;
  const [open, setOpen] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={!image}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          className="inline-flex items-center rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-neutral-100 disabled:cursor-not-allowed disabled:text-neutral-400"
        >
          Extend the canvas…
        </button>
        <span className="text-xs text-neutral-600">
          {image ? "Pick a larger size and place the image in it; the new space becomes the area to generate." : "Add the image to extend first."}
        </span>
      </div>
      {open && image && (
        <LazyOutpaintFrame
          image={image}
          onCancel={() => setOpen(false)}
          onApply={({ padded, strokes }) => {
            const value = image.sourceImageId ? { ...padded, sourceImageId: image.sourceImageId } : padded;
            useMaskDocs.getState().replace(imageKeyOf(value), { width: value.width, height: value.height }, strokes);
            setField(MASK_BY, "image");
            setField("mask_image", null);
            setField("image", value);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}
