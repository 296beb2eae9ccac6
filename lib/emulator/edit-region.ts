import { invertMask, type Mask } from "@/lib/emulator/mask";
import { maskPromptRegion } from "@/lib/emulator/mask-prompt-region";
import { decodeMaskImage } from "@/lib/emulator/raster-io";
import { whiteIsEdit, type RenderJob } from "@/lib/emulator/render-job";

/**
 * The edit region of an INPAINTING or OUTPAINTING job, from mask_image (in the provider's
 * polarity) or from its mask prompt (mask-prompt-region.ts). A mask prompt names what it
 * describes, and what that means differs by task, as on Bedrock: INPAINTING edits the named
 * thing ("the car" → the car is replaced); OUTPAINTING keeps it and regenerates everything
 * else ("the coffee maker" → new surroundings for the coffee maker).
 */
export async function editRegion(job: RenderJob): Promise<Mask> {
  const req = job.request;
  if (req.task_type !== "INPAINTING" && req.task_type !== "OUTPAINTING") throw new Error(`a ${req.task_type ?? req.model} job has no edit region`);
  if (job.inputs.mask_image) return decodeMaskImage(job.inputs.mask_image, whiteIsEdit(req.task_type));
  const prompt =
    req.task_type === "INPAINTING" ? (req.mask_prompt ?? req.inpaint_mask_prompt) : req.task_type === "OUTPAINTING" ? req.mask_prompt : undefined;
  if (prompt === undefined) throw new Error(`${req.task_type} job without a mask`);
  const named = maskPromptRegion(prompt, job.width, job.height);
  return req.task_type === "OUTPAINTING" ? invertMask(named) : named;
}
