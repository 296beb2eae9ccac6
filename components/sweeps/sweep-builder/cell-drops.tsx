"use client";

import { describeRefusal, type PlannedCell } from "@/lib/sweeps/plan-sweep";

/**
 * Every cell that would be refused, named with its values and the model's reason, each with
 * "Leave out"; below, the cells already left out, each with "Put back".
 */
export function CellDrops({ refused, dropped, onLeaveOut, onPutBack }: {
  refused: readonly PlannedCell[];
  dropped: readonly PlannedCell[];
  onLeaveOut: (cells: readonly PlannedCell[]) => void;
  onPutBack: (cell: PlannedCell) => void;
}) {
  if (refused.length === 0 && dropped.length === 0) return null;
  const where = (c: PlannedCell) => `Cell ${c.position + 1}${c.labels.length > 0 ? ` (${c.labels.join(" × ")})` : ""}`;
  return (
    <div className="flex flex-col gap-3">
      {refused.length > 0 && (
        <section aria-labelledby="sweep-refused-title" className="rounded-md border border-red-300 bg-red-50 p-3" data-testid="sweep-refused">
          <div className="flex items-center gap-2">
            <h3 id="sweep-refused-title" className="text-sm font-semibold text-red-800">
              {refused.length} cell{refused.length === 1 ? "" : "s"} would be refused: nothing runs until each is fixed or left out
            </h3>
            <span className="flex-1" />
            {refused.length > 1 && (
              <button type="button" onClick={() => onLeaveOut(refused)} className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-medium">
                Leave out all {refused.length}
              </button>
            )}
          </div>
          <ul className="mt-2 flex flex-col gap-1">
            {refused.map((c) => (
              <li key={c.position} className="flex items-start gap-2 text-sm text-red-900" data-testid="sweep-refused-cell">
                <span className="flex-1">{describeRefusal(c)}</span>
                <button
                  type="button"
                  onClick={() => onLeaveOut([c])}
                  aria-label={`Leave out ${where(c)}`}
                  className="shrink-0 rounded-md border border-red-300 bg-white px-2 py-0.5 text-sm font-medium"
                >
                  Leave out
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dropped.length > 0 && (
        <section aria-labelledby="sweep-dropped-title" className="text-sm" data-testid="sweep-dropped">
          <h3 id="sweep-dropped-title" className="font-medium">
            Left out ({dropped.length}): these cells stay blank
          </h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {dropped.map((c) => (
              <li key={c.position} className="flex items-center gap-1 rounded-md bg-neutral-100 px-2 py-0.5">
                {where(c)}
                <button type="button" onClick={() => onPutBack(c)} aria-label={`Put back ${where(c)}`} className="underline">
                  Put back
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
