"use client";

import { useMemo, type KeyboardEvent } from "react";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { labelOf } from "@/components/playground/field-help";
import { FieldControl } from "@/components/playground/field-control";
import { formSections, placedNames, type Section } from "@/components/playground/form-layout";
import { RunBar } from "@/components/playground/run-bar";
import { TaskSwitcher } from "@/components/playground/task-switcher";
import { lazyClient } from "@/components/ui/lazy-client";
import type { TaskDraft } from "@/lib/client/draft-types";
import { useDraft, useFormStore } from "@/lib/client/form-store";
import { useRunJob } from "@/lib/client/use-run-job";
import { checkDraft, groupErrors, type DraftCheck } from "@/lib/client/validate-draft";
import { TASK_FIELDS, TASK_LABELS, type TaskType } from "@/lib/models";

// Only VIRTUAL_TRY_ON needs these controls: loaded when that task is chosen.
const TryOnFields = lazyClient(() => import("@/components/playground/fields/try-on-fields").then((m) => m.default));

type Errors = Record<string, string | undefined>;

function blockedHint(task: TaskType, draft: TaskDraft, check: DraftCheck): string {
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

function SectionView({ task, section, errors }: { task: TaskType; section: Section; errors: Errors }) {
  if (section.key === "tryOn") return <TryOnFields fields={section.fields} errors={errors} />;
  const body = section.fields.map((f) => <FieldControl key={f.name} task={task} spec={f} errors={errors} />);
  if (section.key === "output") return <div className="grid gap-4 sm:grid-cols-2">{body}</div>;
  return <>{body}</>;
}

/**
 * The form of the chosen task, generated from its TASK_FIELDS. Errors come from the same
 * validator the API uses and show once a field was left or a run was attempted; a 422's field
 * errors show until that field is edited. Ctrl/Cmd+Enter runs from any control inside the form.
 */
export function GenerationForm({ ready }: { ready: boolean }) {
  const task = useFormStore((s) => s.taskType);
  const draft = useDraft();
  const touched = useFormStore((s) => s.touched);
  const runAttempted = useFormStore((s) => s.runAttempted);
  const serverErrors = useFormStore((s) => s.serverErrors);
  const check = useMemo(() => checkDraft(task, draft), [task, draft]);
  const server = useMemo(() => groupErrors(task, serverErrors), [task, serverErrors]);
  const { run, isPending, error } = useRunJob();

  const errors: Errors = {};
  for (const [field, message] of Object.entries(check.fieldErrors)) {
    if (touched[field] || runAttempted) errors[field] = message;
  }
  Object.assign(errors, server.fieldErrors);
  const placed = placedNames(task, draft);
  const unplaced = Object.entries(errors).flatMap(([f, m]) => (placed.has(f) || !m ? [] : [`${f}: ${m}`]));
  const formErrors = [...new Set([...(runAttempted ? check.formErrors : []), ...server.formErrors, ...unplaced])];
  const label = TASK_LABELS[task].label;

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  return (
    <form
      id="playground-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      className="flex scroll-mt-4 flex-col gap-5 rounded-lg border border-neutral-200 bg-white p-5 shadow-sm"
    >
      <fieldset disabled={!ready} className="flex min-w-0 flex-col gap-5">
        <legend className="sr-only">{label}</legend>
        <TaskSwitcher />
        {formSections(task, draft).map((section) => (
          <SectionView key={`${task}-${section.key}`} task={task} section={section} errors={errors} />
        ))}
        <CostEstimate />
        <RunBar
          canRun={ready && check.ok}
          pending={isPending}
          onRun={run}
          error={error}
          formErrors={formErrors}
          blockedHint={blockedHint(task, draft, check)}
        />
      </fieldset>
    </form>
  );
}
