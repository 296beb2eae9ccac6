"use client";

import type { ApiSweepAxis } from "@/lib/api-types";

/** The third axis: one tab per value, or "Stacked" to show every layer as its own grid. */
export function ZLayers({ axis, z, onZ, stacked, onStacked }: { axis: ApiSweepAxis; z: number; onZ: (z: number) => void; stacked: boolean; onStacked: (s: boolean) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {!stacked && (
        <div role="tablist" aria-label={`${axis.label} (Z axis)`} className="flex flex-wrap gap-1">
          {axis.valueLabels.map((label, i) => (
            <button
              key={i}
              type="button"
              role="tab"
              aria-selected={z === i}
              onClick={() => onZ(i)}
              onKeyDown={(e) => {
                if (e.key === "ArrowRight") onZ((z + 1) % axis.valueLabels.length);
                else if (e.key === "ArrowLeft") onZ((z - 1 + axis.valueLabels.length) % axis.valueLabels.length);
              }}
              tabIndex={z === i ? 0 : -1}
              className="rounded-md border border-neutral-300 px-3 py-1 text-sm aria-selected:bg-neutral-900 aria-selected:text-white"
            >
              {axis.label}: {label}
            </button>
          ))}
        </div>
      )}
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" checked={stacked} onChange={(e) => onStacked(e.target.checked)} />
        Stacked (every {axis.label} as its own grid)
      </label>
    </div>
  );
}
