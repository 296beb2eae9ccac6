"use client";

import { useMemo, type KeyboardEvent } from "react";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { FieldControl } from "@/components/playground/field-control";
import { formSections, placedNames, type Section } from "@/components/playground/form-layout";
import { ControlStandIn } from "@/components/playground/control-stand-in";
import { RunBar } from "@/components/playground/run-bar";
import { findRunBlocker } from "@/components/playground/run-gate";
import { TaskSwitcher } from "@/components/playground/task-switcher";
import { lazyClient } from "@/components/ui/lazy-client";
import { useDraft, useFormStore } from "@/lib/playground-form/form-store";
import { useControlsLoading } from "@/lib/playground-form/loading-controls";
import { useRunJob } from "@/lib/playground-form/use-run-job";
import { checkDraft, groupErrors } from "@/lib/playground-form/validate-draft";
import { TASK_LABELS, type TaskType } from "@/lib/models";

// Only VIRTUAL_TRY_ON needs these controls: loaded when that task is chosen (Run waits for them).
const TryOnFields = lazyClient(
  () => import("@/components/playground/fields/try-on-fields").then((m) => m.default),
  <ControlStandIn aria-hidden="true" />,
);

type Errors = Record<string, string | undefined>;

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
  const controlsLoading = useControlsLoading();
  const blocker = findRunBlocker({ task, draft, check, hydrated: ready, controlsLoading });

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
          canRun={blocker === null}
          pending={isPending}
          onRun={run}
          error={error}
          formErrors={formErrors}
          blockedHint={blocker ?? undefined}
        />
      </fieldset>
    </form>
  );
}
