"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { AxisEditor } from "@/components/sweeps/sweep-builder/axis-editor";
import { CellDrops } from "@/components/sweeps/sweep-builder/cell-drops";
import { SeedChoice } from "@/components/sweeps/sweep-builder/seed-choice";
import { ServerError } from "@/components/sweeps/sweep-builder/server-error";
import { SweepPreview } from "@/components/sweeps/sweep-builder/sweep-preview";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { taskLabel } from "@/lib/display/task-label";
import { formatUsd } from "@/lib/models/money";
import { isImageValue } from "@/lib/playground-form/draft-types";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { ensureHydrated, useFormHydrated } from "@/lib/playground-form/form-hydration";
import { useDraft, useFormStore } from "@/lib/playground-form/form-store";
import { useChosenModel } from "@/lib/playground-form/use-chosen-model";
import { takesAspectRatio, type ModelDefinition, type TaskType } from "@/lib/models";
import type { ApiModel } from "@/lib/api-types";
import { newIdempotencyKey } from "@/lib/queries/idempotency-key";
import { useTightestCap } from "@/lib/queries/use-budget";
import { useCreateSweep } from "@/lib/queries/use-create-sweep";
import {
  axisChoices,
  compareModelsPreset,
  fieldOfChoice,
  newAxisDraft,
  nextChoice,
  withText,
  type AxisDraft,
} from "@/lib/sweep-ui/axis-drafts";
import { browserPlanDeps, sweepableModels } from "@/lib/sweep-ui/browser-plan-deps";
import { gridAxes } from "@/lib/sweep-ui/grid-layout";
import { buildSweepDraft, cellKey, runBlocker, type SeedMode } from "@/lib/sweep-ui/sweep-draft";
import type { PlannedCell } from "@/lib/sweeps/plan-sweep";
import { SWEEP_LIMITS } from "@/lib/sweeps/sweep-axis";

/**
 * The sweep builder: the form's request (what Run would send) with up to three axes, a live
 * preview planned in the browser exactly as the server plans it (every cell checked by its model
 * and priced), and Run, which POSTs the sweep and opens its page.
 */
export function SweepBuilderDialog({ onClose }: { onClose: () => void }) {
  const { ref, onBackdropClick, close } = useModalDialog();
  const hydrated = useFormHydrated((s) => s.done);
  // Opened outside the playground (the sweeps page), the saved form is loaded here.
  useEffect(() => void ensureHydrated(), []);
  const { models, definition, task } = useChosenModel();
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={onBackdropClick}
      aria-labelledby="sweep-builder-title"
      data-testid="sweep-builder"
      className="m-auto max-h-[95vh] w-[min(96vw,56rem)] max-w-[96vw] overflow-y-auto rounded-lg bg-white p-0 shadow-xl"
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex items-center gap-2">
          <h2 id="sweep-builder-title" className="text-lg font-semibold">
            Sweep{definition ? `: ${definition.label} · ${taskLabel(task)}` : ""}
          </h2>
          <span className="flex-1" />
          <button type="button" onClick={close} className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100">
            Close
          </button>
        </div>
        {!hydrated || !models ? (
          <p className="text-sm text-neutral-500">Loading the form and the models…</p>
        ) : !definition ? (
          <p className="text-sm text-neutral-700">Choose a model in the playground first.</p>
        ) : (
          <Builder key={`${definition.id}:${task}`} models={models} model={definition} task={task} onDone={close} />
        )}
      </div>
    </dialog>
  );
}

function Builder({ models, model, task, onDone }: { models: ApiModel[]; model: ModelDefinition; task: TaskType; onDone: () => void }) {
  const router = useRouter();
  const draft = useDraft();
  const seedLocked = useFormStore((s) => s.seedLocked);
  const cap = useTightestCap();
  const create = useCreateSweep();
  const base: Record<string, unknown> = useMemo(() => ({ model: model.id, ...draftToRequest(task, draft, model) }), [draft, model, task]);
  const source = draft.image;
  const inputSize = !takesAspectRatio(task) && isImageValue(source) ? { width: source.width, height: source.height } : undefined;
  const deps = useMemo(() => browserPlanDeps(models, inputSize), [models, inputSize?.width, inputSize?.height]); // eslint-disable-line react-hooks/exhaustive-deps
  const offered = useMemo(() => sweepableModels(models), [models]);
  const fields = model.taskFields[task] ?? [];
  const prompt = typeof base.prompt === "string" ? base.prompt : "";
  const choices = useMemo(() => axisChoices(model, task, prompt, offered), [model, task, prompt, offered]);

  const formSeed = typeof base.seed === "number" ? base.seed : null;
  const [axes, setAxes] = useState<AxisDraft[]>([]);
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [seedMode, setSeedMode] = useState<SeedMode>(seedLocked && formSeed !== null ? "form" : "random");
  const [title, setTitle] = useState("");

  const result = buildSweepDraft({ base, axes, choices, fields, dropped, seedMode, title }, deps);
  const leftMicros = cap ? Math.round(cap.leftUsd * 1_000_000) : null;
  const blocker = runBlocker(result, leftMicros);
  const plan = result.plan;
  const specOf = (key: string) => fields.find((f) => f.name === fieldOfChoice(key));
  const update = (i: number, next: AxisDraft) => setAxes((all) => all.map((a, j) => (j === i ? next : a)));
  const setKeys = (cells: readonly PlannedCell[], add: boolean) =>
    setDropped((old) => {
      const next = new Set(old);
      for (const c of cells) {
        const key = cellKey(result.request!.axes, c);
        if (add) next.add(key);
        else next.delete(key);
      }
      return next;
    });

  const run = () => {
    if (blocker || !result.request || create.isPending) return;
    create.mutate(
      { body: result.request, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (sweep) => {
          router.push(`/sweeps/${sweep.id}`);
          onDone();
        },
      },
    );
  };

  const runnable = offered.filter((m) => m.runnable).map((m) => m.id);
  // As the sweep's page will show it (a lone model axis reads as one row per model).
  const layout = gridAxes(axes.map((a) => a.choice), false);
  return (
    <>
      <p className="text-sm text-neutral-600">
        Every cell starts from the form as Run would send it{prompt ? <>: “{prompt.length > 120 ? `${prompt.slice(0, 119)}…` : prompt}”</> : ""}. Each axis
        varies one thing; every cell is checked and priced before anything runs.
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => {
            setAxes([compareModelsPreset(model.id, runnable)]);
            setDropped(new Set());
          }}
          className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100"
        >
          Compare models
        </button>
        <button
          type="button"
          disabled={axes.length >= SWEEP_LIMITS.maxAxes}
          onClick={() => {
            const choice = nextChoice(choices, axes.map((a) => a.choice));
            if (choice) setAxes([...axes, newAxisDraft(choice)]);
          }}
          className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:text-neutral-400"
        >
          Add axis
        </button>
      </div>
      {axes.map((axis, i) => (
        <AxisEditor
          key={i}
          index={i}
          role={i === layout.col ? "columns" : i === layout.row ? "rows" : "layers"}
          draft={axis}
          choices={choices}
          result={result.axisResults[i]}
          onChoose={(key) => {
            const choice = choices.find((c) => c.key === key);
            if (!choice) return;
            const fresh = key === "model" ? compareModelsPreset(model.id, runnable) : newAxisDraft(choice);
            // Keep what was typed when switching between typed kinds: it often still reads.
            update(i, choice.input === "text" && axis.text ? withText(fresh, axis.text, specOf(key)) : fresh);
          }}
          onText={(text) => update(i, withText(axis, text, specOf(axis.choice)))}
          onPicked={(picked) => update(i, { ...axis, picked })}
          onRemove={() => setAxes(axes.filter((_, j) => j !== i))}
        />
      ))}
      {fields.some((f) => f.name === "seed") && (
        <SeedChoice
          formSeed={formSeed}
          mode={seedMode}
          onMode={setSeedMode}
          seedAxis={result.request?.axes.findIndex((a) => a.field === "seed") ?? axes.findIndex((a) => a.choice === "field:seed")}
        />
      )}
      <label className="flex flex-col gap-1 text-sm">
        Title (optional)
        <input
          type="text"
          value={title}
          maxLength={SWEEP_LIMITS.maxTitleChars}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Named from its axes and prompt when empty"
          className="rounded-md border border-neutral-300 px-2 py-1.5"
        />
      </label>
      {plan && result.request && (
        <>
          <SweepPreview plan={plan} axes={result.request.axes} cap={cap} />
          <CellDrops
            refused={plan.refused}
            dropped={plan.cells.filter((c) => c.dropped)}
            onLeaveOut={(cells) => setKeys(cells, true)}
            onPutBack={(cell) => setKeys([cell], false)}
          />
        </>
      )}
      {create.error && <ServerError error={create.error} />}
      <div className="flex flex-wrap items-center gap-3 border-t border-neutral-200 pt-3">
        <button
          type="button"
          onClick={run}
          disabled={blocker !== null || create.isPending}
          aria-describedby="sweep-run-hint"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 disabled:bg-neutral-300 disabled:text-neutral-600"
        >
          {create.isPending ? "Starting…" : "Run sweep"}
        </button>
        <p id="sweep-run-hint" data-testid="sweep-run-hint" className="text-sm text-neutral-600">
          {blocker ?? (plan ? `${plan.runs} run${plan.runs === 1 ? "" : "s"} · ${formatUsd(plan.totalMicros)}, queued like any run` : "")}
        </p>
      </div>
    </>
  );
}
