/**
 * The input images of a job, labelled by the request field they filled (role) and ordered as
 * the gateway documents the fields. Pure: shared by the gallery card badge and the detail view.
 */
import type { ApiInput, ApiJob } from "@/lib/api-types";

const ROLE_ORDER = ["image", "images", "reference_image", "mask_image"];
/** Tasks that cannot run without an input image: their gallery cards always get the badge. */
const TASKS_WITH_INPUTS = new Set(["IMAGE_VARIATION", "INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL", "VIRTUAL_TRY_ON"]);

/** "Source image", "Mask", "Garment", "Style reference", "Variation input 2", … */
export function inputLabel(role: string, position: number, taskType: string): string {
  switch (role) {
    case "image":
      return taskType === "TEXT_IMAGE" ? "Condition image" : "Source image";
    case "images":
      return `Variation input ${position + 1}`;
    case "mask_image":
      return "Mask";
    case "reference_image":
      if (taskType === "VIRTUAL_TRY_ON") return "Garment";
      return taskType === "COLOR_GUIDED_GENERATION" ? "Style reference" : "Reference image";
    default:
      return role;
  }
}

const rank = (role: string) => {
  const i = ROLE_ORDER.indexOf(role);
  return i === -1 ? ROLE_ORDER.length : i;
};

export function sortInputs(inputs: readonly ApiInput[]): ApiInput[] {
  return [...inputs].sort((a, b) => rank(a.role) - rank(b.role) || a.position - b.position);
}

export interface ExternalInput {
  role: string;
  position: number;
  url: string;
}

/** Inputs given as http(s) URLs: not stored by us (the gateway fetched them), so only linked. */
export function externalInputs(params: Record<string, unknown>): ExternalInput[] {
  const out: ExternalInput[] = [];
  for (const role of ROLE_ORDER) {
    const value = params[role];
    const list = Array.isArray(value) ? value : [value];
    list.forEach((item, position) => {
      if (typeof item === "string" && /^https?:\/\//i.test(item)) out.push({ role, position, url: item });
    });
  }
  return out;
}

/** Whether a gallery card shows the "inputs" badge: known from the job when cached, else by task. */
export function hasInputImages(taskType: string, job?: Pick<ApiJob, "inputs" | "params">): boolean {
  if (TASKS_WITH_INPUTS.has(taskType)) return true;
  return job ? job.inputs.length > 0 || externalInputs(job.params).length > 0 : false;
}
