import { labelOf } from "@/components/playground/field-help";
import type { TaskDraft } from "@/lib/playground-form/draft-types";
import type { DraftCheck } from "@/lib/playground-form/validate-draft";
import { TASK_FIELDS, type TaskType } from "@/lib/models";

export interface RunGateInput {
  task: TaskType;
  draft: TaskDraft;
  check: DraftCheck;
  /** The saved draft is in the form (form-hydration.ts). */
  hydrated: boolean;
  /** Some control is still a stand-in for loading code (loading-controls.ts). */
  controlsLoading: boolean;
}

/**
 * Why Run is disabled, in words for the run bar, or null when it may run. The form must be
 * loaded (the saved draft restored and every control in place, so Run no longer moves) and valid.
 */
export function findRunBlocker({ task, draft, check, hydrated, controlsLoading }: RunGateInput): string | null {
  if (!hydrated || controlsLoading) return "Loading the form…";
  if (check.ok) return null;
  const promptRequired = TASK_FIELDS[task].some((f) => f.name === "prompt" && f.required);
  if (promptRequired && draft.prompt === "") return "Write a prompt to run";
  const names = [...new Set([...Object.keys(check.fieldErrors), ...Object.keys(check.imageErrors)])];
  const labels = names.map((n) => {
    const spec = TASK_FIELDS[task].find((f) => f.name === n);
    return spec ? labelOf(spec) : n;
  });
  if (labels.length === 0) return "Fix the form to run";
  return `Fix ${labels.length} field${labels.length === 1 ? "" : "s"} to run: ${labels.join(", ")}`;
}
