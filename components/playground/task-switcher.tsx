"use client";

import { useFormStore } from "@/lib/playground-form/form-store";
import { TASK_LABELS, TASK_TYPES, type ModelDefinition, type TaskType } from "@/lib/models";

/**
 * The task type as a segmented row of native radio buttons: arrow keys move between tasks, Tab
 * enters and leaves the row once. Each task keeps its own draft; shared fields come along.
 */
export function TaskSwitcher() {
  const task = useFormStore((s) => s.taskType);
  const setTaskType = useFormStore((s) => s.setTaskType);
  return (
    <div className="flex flex-col gap-2">
      <div role="radiogroup" aria-label="Task type" aria-describedby="task-description" className="flex flex-wrap gap-1.5">
        {TASK_TYPES.map((t) => (
          <label key={t} title={TASK_LABELS[t].description}>
            <input
              type="radio"
              name="task_type"
              value={t}
              checked={task === t}
              onChange={() => setTaskType(t)}
              className="peer sr-only"
            />
            <span className="block cursor-pointer rounded-full border border-neutral-300 bg-white px-3 py-1 text-sm whitespace-nowrap text-neutral-700 peer-checked:border-neutral-900 peer-checked:bg-neutral-900 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 hover:border-neutral-500">
              {TASK_LABELS[t].label}
            </span>
          </label>
        ))}
      </div>
      <p id="task-description" className="text-sm text-neutral-600">
        {TASK_LABELS[task].description}
      </p>
    </div>
  );
}

/** A model with one task: its name and what it does, instead of a row with one choice. */
export function TaskLabel({ model, task }: { model: ModelDefinition; task: TaskType }) {
  const label = model.taskLabels[task];
  return (
    <div className="flex flex-col gap-1">
      <p data-testid="task-label" className="text-sm font-medium text-neutral-900">
        {label?.label ?? task}
      </p>
      {label?.description && <p className="text-sm text-neutral-600">{label.description}</p>}
    </div>
  );
}
