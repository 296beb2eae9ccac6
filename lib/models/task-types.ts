/**
 * The app's vocabulary of tasks: what a run does, whatever model runs it. Drafts, the gallery's
 * task filter and reuse read jobs by these names. Nova Canvas offers all of them (the names are
 * its contract's, §3); a model built from the gateway's catalog offers TEXT_IMAGE (a prompt, and
 * reference images where it takes them).
 */
export const TASK_TYPES = [
  "TEXT_IMAGE",
  "IMAGE_VARIATION",
  "INPAINTING",
  "OUTPAINTING",
  "COLOR_GUIDED_GENERATION",
  "BACKGROUND_REMOVAL",
  "VIRTUAL_TRY_ON",
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export function isTaskType(value: unknown): value is TaskType {
  return typeof value === "string" && (TASK_TYPES as readonly string[]).includes(value);
}
