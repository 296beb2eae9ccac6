"use client";

import { useMemo, type KeyboardEvent } from "react";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { FieldControl } from "@/components/playground/field-control";
import { formSections, placedNames, type Section } from "@/components/playground/form-layout";
import { ControlStandIn } from "@/components/playground/control-stand-in";
import { MoreFields } from "@/components/playground/more-fields";
import { RunBar } from "@/components/playground/run-bar";
import { findRunBlocker } from "@/components/playground/run-gate";
import { ModelPicker } from "@/components/playground/model-picker";
import { TaskLabel, TaskSwitcher } from "@/components/playground/task-switcher";
import { lazyClient } from "@/components/ui/lazy-client";
import { useDraft, useFormStore } from "@/lib/playground-form/form-store";
import { useControlsLoading, useMaskExportPending } from "@/lib/playground-form/loading-controls";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { useChosenModel } from "@/lib/playground-form/use-chosen-model";
import { useRunJob } from "@/lib/playground-form/use-run-job";
import { checkDraft, groupErrors } from "@/lib/playground-form/validate-draft";
import { useModels } from "@/lib/queries/use-models";
import type { ModelDefinition, TaskType } from "@/lib/models";

// Only VIRTUAL_TRY_ON needs these controls: loaded when that task is chosen (Run waits for them).
const TryOnFields = lazyClient(
  () => import("@/components/playground/fields/try-on-fields").then((m) => m.default),
  <ControlStandIn aria-hidden="true" />,
);

// Notices of uncommon moments (a reuse that left something out, a model that cannot run or whose
// rules are still on their way): none is part of the first paint, so each loads when shown.
const notices = () => import("@/components/playground/model-notice");
const FormNotice = lazyClient(() => notices().then((m) => m.FormNotice));
const ModelUnavailableNotice = lazyClient(() => notices().then((m) => m.ModelUnavailableNotice));
const ModelPendingNotice = lazyClient(
  () => notices().then((m) => m.ModelPendingNotice),
  <p role="status" className="text-sm text-neutral-600">
    Loading the model&apos;s form…
  </p>,
);

type Errors = Record<string, string | undefined>;

interface SectionViewProps {
  model: ModelDefinition;
  task: TaskType;
  section: Section;
  /** The errors the fields show (touched, or after a Run). */
  errors: Errors;
  /** Every field the validator flags now, shown or not yet. */
  flagged: Errors;
}

function SectionView({ model, task, section, errors, flagged }: SectionViewProps) {
  if (section.key === "tryOn") return <TryOnFields fields={section.fields} errors={errors} />;
  const body = section.fields.map((f) => <FieldControl key={f.name} model={model} task={task} spec={f} errors={errors} />);
  if (section.key === "output") return <div className="grid gap-4 sm:grid-cols-2">{body}</div>;
  // The rarely changed ones (prompt strength, seed, …) fold under "More" to keep the form short;
  // a flagged one opens it, even before its error shows (Run's hint names it already).
  if (section.key === "advanced") {
    return (
      <MoreFields fields={section.fields} flagged={flagged}>
        {body}
      </MoreFields>
    );
  }
  return <>{body}</>;
}

/**
 * The model picker, then the form of the chosen model's task, generated from its fields. Until a
 * remembered catalog model's rules arrive (GET /api/models) only the picker and a notice show.
 */
export function GenerationForm({ ready }: { ready: boolean }) {
  const chosen = useChosenModel();
  const failed = useModels().isError;
  const notice = useFormStore((s) => s.notice !== null);
  const label = chosen.definition?.taskLabels[chosen.task]?.label ?? "Playground";
  return (
    <form
      id="playground-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      className="flex scroll-mt-4 flex-col gap-5 rounded-lg border border-neutral-200 bg-white p-5 shadow-sm"
    >
      <fieldset disabled={!ready} className="flex min-w-0 flex-col gap-5">
        <legend className="sr-only">{label}</legend>
        <ModelPicker />
        {notice && <FormNotice />}
        {chosen.unavailable && chosen.models && <ModelUnavailableNotice reason={chosen.unavailable} models={chosen.models} />}
        {chosen.definition ? (
          <ModelForm model={chosen.definition} task={chosen.task} unavailable={chosen.unavailable} ready={ready} />
        ) : (
          <ModelPendingNotice failed={failed} />
        )}
      </fieldset>
    </form>
  );
}

interface ModelFormProps {
  model: ModelDefinition;
  task: TaskType;
  /** Why the model cannot run now (Run is disabled and says so), or null. */
  unavailable: string | null;
  ready: boolean;
}

/**
 * The chosen model's task: its fields, the live price and Run. Errors come from the model's own
 * validator (the one the API runs) and show once a field was left or a run was attempted; a
 * 422's field errors show until that field is edited. Ctrl/Cmd+Enter runs from any control.
 */
function ModelForm({ model, task, unavailable, ready }: ModelFormProps) {
  const draft = useDraft();
  const touched = useFormStore((s) => s.touched);
  const runAttempted = useFormStore((s) => s.runAttempted);
  const serverErrors = useFormStore((s) => s.serverErrors);
  const check = useMemo(() => checkDraft(task, draft, model), [task, draft, model]);
  const server = useMemo(() => groupErrors(task, serverErrors, model), [task, serverErrors, model]);
  const { run: send, isPending, error } = useRunJob(unavailable ? null : model);
  // A Run press is when a browser lets a page ask to show notifications (lib/notify). Loaded on
  // demand: by the first Run the notifier (app layout) has loaded this module already, so the
  // ask still comes within the press's user activation.
  const run = () => {
    send();
    void import("@/lib/notify/notify-prefs").then((m) => m.askPermissionOnRun());
  };
  const controlsLoading = useControlsLoading();
  const maskExporting = useMaskExportPending();
  const blocker = findRunBlocker({ model, task, draft, check, hydrated: ready, controlsLoading, maskExporting, unavailable });

  const errors: Errors = {};
  for (const [field, message] of Object.entries(check.fieldErrors)) {
    if (touched[field] || runAttempted) errors[field] = message;
  }
  Object.assign(errors, server.fieldErrors);
  const flagged: Errors = { ...check.fieldErrors, ...errors };
  const placed = placedNames(task, draft, model);
  const unplaced = Object.entries(errors).flatMap(([f, m]) => (placed.has(f) || !m ? [] : [`${f}: ${m}`]));
  const formErrors = [...new Set([...(runAttempted ? check.formErrors : []), ...server.formErrors, ...unplaced])];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };

  return (
    <div onKeyDown={onKeyDown} className="flex min-w-0 flex-col gap-5">
      {ownsTaskDrafts(model.id) ? <TaskSwitcher /> : <TaskLabel model={model} task={task} />}
      {formSections(task, draft, model).map((section) => (
        <SectionView
          key={`${model.id}-${task}-${section.key}`}
          model={model}
          task={task}
          section={section}
          errors={errors}
          flagged={flagged}
        />
      ))}
      <RunBar
        canRun={blocker === null}
        pending={isPending}
        onRun={run}
        error={error}
        formErrors={formErrors}
        blockedHint={blocker ?? undefined}
        estimate={<CostEstimate model={model} task={task} />}
      />
    </div>
  );
}
