import { labelOf } from "@/components/playground/field-help";
import type { TaskDraft } from "@/lib/playground-form/draft-types";
import type { DraftCheck } from "@/lib/playground-form/validate-draft";
import { fieldsOf } from "@/lib/playground-form/task-drafts";
import type { ModelDefinition, TaskType } from "@/lib/models";

export interface RunGateInput {
  /** The chosen model (the default model when not given). */
  model?: ModelDefinition;
  task: TaskType;
  draft: TaskDraft;
  check: DraftCheck;
  /** The saved draft is in the form (form-hydration.ts). */
  hydrated: boolean;
  /** Some control is still a stand-in for loading code (loading-controls.ts). */
  controlsLoading: boolean;
  /** A painted mask is still being written into the form (loading-controls.ts). */
  maskExporting?: boolean;
  /** Why the chosen model cannot run now (retired, refused), or null. */
  unavailable?: string | null;
}

/**
 * Why Run is disabled, in words for the run bar, or null when it may run. The form must be
 * loaded (the saved draft restored and every control in place, so Run no longer moves) and valid.
 */
export function findRunBlocker(input: RunGateInput): string | null {
  const { model, task, draft, check, hydrated, controlsLoading, maskExporting, unavailable } = input;
  if (unavailable) return `Cannot run: ${unavailable}`;
  if (!hydrated || controlsLoading) return "Loading the form…";
  if (maskExporting) return "Updating the painted mask…";
  if (check.ok) return null;
  const fields = fieldsOf(task, model);
  const promptRequired = fields.some((f) => f.name === "prompt" && f.required);
  if (promptRequired && draft.prompt === "") return "Write a prompt to run";
  const names = [...new Set([...Object.keys(check.fieldErrors), ...Object.keys(check.imageErrors)])];
  const labels = names.map((n) => {
    const spec = fields.find((f) => f.name === n);
    return spec ? labelOf(spec) : n;
  });
  if (labels.length === 0) return "Fix the form to run";
  return `Fix ${labels.length} field${labels.length === 1 ? "" : "s"} to run: ${labels.join(", ")}`;
}
