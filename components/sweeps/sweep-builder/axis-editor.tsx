"use client";

import type { AxisChoice, AxisDraft, AxisResult } from "@/lib/sweep-ui/axis-drafts";

const AXIS_NAMES = ["X", "Y", "Z"] as const;

/**
 * One axis: what it varies (a select of the model's parameters, the model, the prompt), then its
 * values, typed in A1111's syntax with a one-line hint, or ticked in a list (options, models,
 * a prompt's {a|b} alternatives).
 */
export function AxisEditor({
  index,
  role,
  draft,
  choices,
  result,
  onChoose,
  onText,
  onPicked,
  onRemove,
}: {
  index: number;
  /** Where the grid shows it: "columns", "rows", "layers". */
  role: string;
  draft: AxisDraft;
  choices: readonly AxisChoice[];
  result: AxisResult;
  onChoose: (key: string) => void;
  onText: (text: string) => void;
  onPicked: (picked: string[]) => void;
  onRemove: () => void;
}) {
  const name = AXIS_NAMES[index];
  const choice = choices.find((c) => c.key === draft.choice);
  const id = `sweep-axis-${index}`;
  const problem = !result.ok && (choice?.input === "list" || draft.parsed !== null) ? result.message : null;
  const count = result.ok ? result.axis.values.length : 0;
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-neutral-200 p-3" data-testid="sweep-axis" aria-describedby={`${id}-hint`}>
      <legend className="px-1 text-sm font-semibold">
        {name} axis <span className="font-normal text-neutral-500">({role})</span>
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-field`} className="text-sm">
          {name} axis varies
        </label>
        <select
          id={`${id}-field`}
          value={draft.choice}
          onChange={(e) => onChoose(e.target.value)}
          className="min-w-48 rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm"
        >
          {!choice && <option value={draft.choice}>(not offered for this model)</option>}
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <span className="flex-1" />
        {result.ok && <span className="text-sm tabular-nums text-neutral-600">{count} value{count === 1 ? "" : "s"}</span>}
        <button type="button" onClick={onRemove} className="rounded-md px-2 py-1 text-sm text-neutral-700 underline hover:bg-neutral-100">
          Remove {name} axis
        </button>
      </div>
      {choice?.input === "list" ? (
        <div role="group" aria-label={`${name} axis values`} className="flex flex-col gap-1">
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {(choice.options ?? []).map((o) => (
              <label key={o.value} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={draft.picked.includes(o.value)}
                  onChange={(e) => onPicked(e.target.checked ? [...draft.picked, o.value] : draft.picked.filter((v) => v !== o.value))}
                />
                {o.label}
              </label>
            ))}
          </div>
          {(choice.options?.length ?? 0) > 3 && (
            <div className="flex gap-2 text-sm">
              <button type="button" className="underline" onClick={() => onPicked((choice.options ?? []).map((o) => o.value))}>
                Tick all
              </button>
              <button type="button" className="underline" onClick={() => onPicked([])}>
                Tick none
              </button>
            </div>
          )}
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-values`} className="text-sm">
            {name} axis values
          </label>
          <input
            id={`${id}-values`}
            type="text"
            value={draft.text}
            onChange={(e) => onText(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ""}`}
            autoComplete="off"
            spellCheck={false}
            className="rounded-md border border-neutral-300 px-2 py-1.5 font-mono text-sm aria-[invalid]:border-red-500"
          />
          {result.ok && (
            <p className="truncate text-xs text-neutral-600" data-testid="sweep-axis-values">
              {result.axis.values.map(String).join(", ")}
            </p>
          )}
        </div>
      )}
      <p id={`${id}-hint`} className="text-xs text-neutral-500">
        {choice?.hint}
      </p>
      {problem && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
