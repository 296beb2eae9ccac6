/**
 * The "exactly one mask source" rule of INPAINTING and OUTPAINTING (contract §3): a painted
 * mask_image or a mask described in words, never both and never neither.
 */
import { eitherMessage, has, type CrossRules } from "@/lib/models/nova-canvas/schemas/shared";

export function maskSourceRules(taskType: string, promptFields: readonly string[]): CrossRules {
  return (draft, report) => {
    const prompts = promptFields.filter((f) => has(draft, f));
    const hasImage = has(draft, "mask_image");
    const promptNames = promptFields.join(" or ");
    if (prompts.length > 1) {
      report(prompts[1], `give only one of ${promptNames}, not both`);
    }
    if (hasImage && prompts.length > 0) {
      report(prompts[0], eitherMessage("mask_image", prompts[0]));
    }
    if (!hasImage && prompts.length === 0) {
      report("mask_image", `${taskType} needs a mask: paint mask_image or describe the area in ${promptNames}`);
    }
  };
}
