"use client";

import { useMemo, type KeyboardEvent } from "react";
import { CfgField } from "@/components/playground/cfg-field";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { helpFor } from "@/components/playground/field-help";
import { OutputFields } from "@/components/playground/output-fields";
import { PromptField } from "@/components/playground/prompt-field";
import { RunBar } from "@/components/playground/run-bar";
import { SeedField } from "@/components/playground/seed-field";
import { useFormStore, type DraftField } from "@/lib/client/form-store";
import { useRunJob } from "@/lib/client/use-run-job";
import { checkDraft, groupErrors } from "@/lib/client/validate-draft";

function blockedHint(promptEmpty: boolean, count: number): string {
  if (promptEmpty) return "Write a prompt to run";
  return `Fix ${count} field${count === 1 ? "" : "s"} to run`;
}

/**
 * The TEXT_IMAGE form. Errors come from the same validator the API uses and show once a field
 * was left or a run was attempted; a 422's field errors show until that field is edited.
 * Ctrl/Cmd+Enter runs from any control inside the form.
 */
export function GenerationForm({ ready }: { ready: boolean }) {
  const draft = useFormStore((s) => s.draft);
  const touched = useFormStore((s) => s.touched);
  const runAttempted = useFormStore((s) => s.runAttempted);
  const serverErrors = useFormStore((s) => s.serverErrors);
  const check = useMemo(() => checkDraft(draft), [draft]);
  const server = useMemo(() => groupErrors(serverErrors), [serverErrors]);
  const { run, isPending, error } = useRunJob();

  const errors: Partial<Record<DraftField, string>> = {};
  for (const field of Object.keys(check.fieldErrors) as DraftField[]) {
    if (touched[field] || runAttempted) errors[field] = check.fieldErrors[field];
  }
  Object.assign(errors, server.fieldErrors);
  const formErrors = [...new Set([...(runAttempted ? check.formErrors : []), ...server.formErrors])];

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  return (
    <form
      aria-label="Text to image"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      className="flex flex-col gap-5 rounded-lg border border-neutral-200 bg-white p-5 shadow-sm"
    >
      <fieldset disabled={!ready} className="flex min-w-0 flex-col gap-5">
        <legend className="mb-1 text-base font-semibold">Text to image</legend>
        <PromptField
          field="prompt"
          label="Prompt"
          rows={5}
          help={helpFor("prompt") ?? ""}
          error={errors.prompt}
          placeholder="A lighthouse on a cliff at dusk, warm light, photographed with a wide lens"
        />
        <PromptField
          field="negative_prompt"
          label="Negative prompt"
          rows={2}
          help={helpFor("negative_prompt") ?? ""}
          error={errors.negative_prompt}
        />
        <OutputFields errors={errors} />
        <CfgField error={errors.cfg_scale} />
        <SeedField error={errors.seed} />
        <CostEstimate />
        <RunBar
          canRun={ready && check.ok}
          pending={isPending}
          onRun={run}
          error={error}
          formErrors={formErrors}
          blockedHint={blockedHint(draft.prompt === "", Object.keys(check.fieldErrors).length)}
        />
      </fieldset>
    </form>
  );
}
