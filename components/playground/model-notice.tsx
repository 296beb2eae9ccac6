"use client";

import { Alert } from "@/components/ui/alert";
import type { ApiModel } from "@/lib/api-types";
import { useFormStore } from "@/lib/playground-form/form-store";
import { canRun } from "@/lib/playground-form/model-choice";
import { definitionOf } from "@/lib/queries/use-models";
import { defaultModel, type ModelDefinition } from "@/lib/models";

const buttonClass =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100";

function SwitchButtons({ targets }: { targets: ModelDefinition[] }) {
  const setModel = useFormStore((s) => s.setModel);
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {targets.map((def) => (
        <button key={def.id} type="button" className={buttonClass} onClick={() => setModel(def)}>
          Switch to {def.label}
        </button>
      ))}
    </div>
  );
}

/** The chosen model cannot run: why (retired, refused), and a button for each model that can. */
export function ModelUnavailableNotice({ reason, models }: { reason: string; models: readonly ApiModel[] }) {
  const targets = models.filter(canRun).flatMap((m) => definitionOf(m) ?? []);
  return (
    <Alert tone="warning" testId="model-unavailable">
      <p>
        {reason}. {targets.length > 0 ? "Choose a model that can run:" : "No model on offer can run now."}
      </p>
      <SwitchButtons targets={targets} />
    </Alert>
  );
}

/**
 * A catalog model is remembered but its rules come with the list: shown while it loads, and
 * when it failed, with the built-in model as a way on.
 */
export function ModelPendingNotice({ failed }: { failed: boolean }) {
  if (!failed) {
    return (
      <p role="status" className="text-sm text-neutral-600">
        Loading the model&apos;s form…
      </p>
    );
  }
  return (
    <Alert tone="error" testId="model-load-error">
      <p>The chosen model&apos;s form could not be loaded (the list of models did not arrive).</p>
      <SwitchButtons targets={[defaultModel()]} />
    </Alert>
  );
}

/** What the last reuse or use-as left out and why, until dismissed or the model is switched. */
export function FormNotice() {
  const notice = useFormStore((s) => s.notice);
  const setNotice = useFormStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <Alert tone="info" testId="form-notice">
      <div className="flex items-start justify-between gap-3">
        <p>{notice}.</p>
        <button type="button" onClick={() => setNotice(null)} className="shrink-0 text-xs font-medium text-neutral-700 underline">
          Dismiss
        </button>
      </div>
    </Alert>
  );
}
