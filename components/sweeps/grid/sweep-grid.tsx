"use client";

import type { ReactNode } from "react";
import type { ApiSweep, ApiSweepCell } from "@/lib/api-types";
import { layerRows, type GridAxes } from "@/lib/sweep-ui/grid-layout";

/**
 * One layer of the grid as a table: the column axis's labels on top and again at the bottom, the
 * row axis's on the left and again on the right (the repeats are for the eye, hidden from screen
 * readers), each cell rendered by the caller.
 */
export function SweepGrid({
  sweep,
  axes,
  z,
  renderCell,
}: {
  sweep: ApiSweep;
  axes: GridAxes;
  z: number;
  renderCell: (cell: ApiSweepCell) => ReactNode;
}) {
  const byPosition = new Map(sweep.cells.map((c) => [c.position, c]));
  const rows = layerRows(sweep.shape, axes, z);
  const colAxis = axes.col === null ? null : sweep.axes[axes.col];
  const rowAxis = axes.row === null ? null : sweep.axes[axes.row];
  const colCount = rows[0]?.length ?? 0;
  const colLabels = colAxis ? colAxis.valueLabels : [""];
  const corner = [rowAxis && `${rowAxis.label} ↓`, colAxis && `${colAxis.label} →`].filter(Boolean).join(" · ");
  const labelRow = (hidden: boolean) => (
    <tr aria-hidden={hidden || undefined}>
      <th scope="col" className="p-1 text-left align-bottom text-xs font-medium text-neutral-500">
        {hidden ? "" : corner}
      </th>
      {colLabels.map((label, i) => (
        <th key={i} scope="col" data-testid={hidden ? undefined : "sweep-col-label"} className="p-1 text-center text-sm font-medium">
          {label}
        </th>
      ))}
      {rowAxis && <th aria-hidden className="hidden p-1 sm:table-cell" />}
    </tr>
  );
  return (
    <div className="overflow-x-auto" data-testid="sweep-grid">
      {/* Cells about 16rem wide at most (a 2 × 2 should not fill a laptop with four images), 5rem at least (phones scroll). */}
      <table
        className="table-fixed border-separate border-spacing-1"
        style={{ width: `min(100%, ${12 + colCount * 16}rem)`, minWidth: `${6 + colCount * 5}rem` }}
      >
        <colgroup>
          <col className="w-24" />
          {Array.from({ length: colCount }, (_, i) => (
            <col key={i} />
          ))}
          {rowAxis && <col className="w-0 sm:w-24" />}
        </colgroup>
        {colAxis && <thead>{labelRow(false)}</thead>}
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <th scope="row" data-testid="sweep-row-label" className="p-1 text-right align-middle text-sm font-medium">
                {rowAxis?.valueLabels[r] ?? ""}
              </th>
              {row.map((position) => {
                const cell = byPosition.get(position);
                return <td key={position} className="p-0 align-top">{cell ? renderCell(cell) : null}</td>;
              })}
              {rowAxis && (
                <th aria-hidden className="hidden p-1 text-left align-middle text-sm font-medium sm:table-cell">
                  {rowAxis.valueLabels[r]}
                </th>
              )}
            </tr>
          ))}
        </tbody>
        {colAxis && rows.length > 1 && <tfoot>{labelRow(true)}</tfoot>}
      </table>
    </div>
  );
}
