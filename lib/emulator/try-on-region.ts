import { garmentMask } from "@/lib/emulator/garment-region";
import { createMask, maskBounds, paintBox, paintEllipse, type Mask } from "@/lib/emulator/mask";
import { maskPromptRegion } from "@/lib/emulator/mask-prompt-region";
import { decodeMaskImage } from "@/lib/emulator/raster-io";
import { requestOf, whiteIsEdit, type RenderJob } from "@/lib/emulator/render-job";

/**
 * Where VIRTUAL_TRY_ON puts the garment: the mask it used, which is also what return_mask
 * sends back.
 * - IMAGE: mask_image, in the provider's polarity.
 * - GARMENT: the band of garment_class (garment-region.ts), shaped by the styling fields.
 * - PROMPT: mask_prompt's region, as for inpainting (mask-prompt-region.ts).
 * mask_shape BOUNDING_BOX turns a GARMENT or PROMPT region into its bounding box. Then, for
 * every mask type, preserve_face ON removes the face zone (an ellipse at the top centre) and
 * preserve_hands ON the two hand zones (ellipses at 20 % and 80 % of the width, 55 % of the
 * height) from the region, so those pixels are never touched.
 */
export async function tryOnRegion(job: RenderJob): Promise<Mask> {
  const req = requestOf(job, "VIRTUAL_TRY_ON");
  const { width: w, height: h } = job;
  let m: Mask;
  if (req.mask_type === "IMAGE") {
    m = await decodeMaskImage(job.inputs.mask_image!, whiteIsEdit("VIRTUAL_TRY_ON"));
  } else if (req.mask_type === "GARMENT") {
    m = garmentMask(w, h, req.garment_class!, req);
  } else {
    m = maskPromptRegion(req.mask_prompt!, w, h);
  }
  if (req.mask_type !== "IMAGE" && req.mask_shape === "BOUNDING_BOX") {
    const box = maskBounds(m);
    m = createMask(w, h);
    if (box) paintBox(m, box, 1);
  }
  if (req.preserve_face === "ON") paintEllipse(m, w * 0.5, h * 0.12, w * 0.14, h * 0.11, 0);
  if (req.preserve_hands === "ON") {
    for (const cx of [0.2, 0.8]) paintEllipse(m, w * cx, h * 0.55, w * 0.08, h * 0.07, 0);
  }
  return m;
}
