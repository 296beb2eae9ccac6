"use client";

import type { ApiModel } from "@/lib/api-types";
import { inputClass } from "@/components/ui/form-field";
import { useFormStore } from "@/lib/playground-form/form-store";
import { modelNote } from "@/lib/playground-form/model-choice";
import { definitionOf, modelLabel, useModels } from "@/lib/queries/use-models";

const optionText = (m: ApiModel) => {
  const note = modelNote(m);
  return note ? `${m.label} (${note})` : m.label;
};

/**
 * The model as a labelled native select (keyboard and screen readers as the platform gives
 * them). The choice is remembered per browser (form store). While the list loads only the chosen
 * model is listed (a built-in one works meanwhile); a failed read says so and offers a retry.
 */
export function ModelPicker() {
  const query = useModels();
  const modelId = useFormStore((s) => s.modelId);
  const setModel = useFormStore((s) => s.setModel);
  const models = query.data;
  const choose = (id: string) => {
    const m = models?.find((x) => x.id === id);
    const def = m ? definitionOf(m) : null;
    if (def) setModel(def);
  };
  return (
    <div className="flex flex-col gap-1.5">
      {/* The status shares the label's line: the form below does not move when the list arrives. */}
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor="model-picker" className="text-sm font-medium text-neutral-900">
          Model
        </label>
        <p id="model-picker-status" role="status" className="text-right text-xs text-neutral-600">
          {query.isPending && "Loading the models on offer…"}
          {query.isError && (
            <>
              Could not load the models.{" "}
              <button type="button" onClick={() => void query.refetch()} className="font-medium text-blue-700 underline">
                Try again
              </button>
            </>
          )}
        </p>
      </div>
      <select
        id="model-picker"
        data-testid="model-picker"
        value={modelId}
        onChange={(e) => choose(e.target.value)}
        disabled={!models}
        aria-describedby="model-picker-status"
        className={inputClass}
      >
        {models ? (
          models.map((m) => (
            <option key={m.id} value={m.id} disabled={!definitionOf(m)}>
              {optionText(m)}
            </option>
          ))
        ) : (
          <option value={modelId}>{modelLabel(modelId, undefined)}</option>
        )}
      </select>
    </div>
  );
}
