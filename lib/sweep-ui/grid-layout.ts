/**
 * How a sweep's cells are laid out on screen: which axis runs along the columns and which down
 * the rows (swapping is view state only: the cells and their positions never change), and the
 * layers of a third axis. Pure, so it is unit-tested.
 */
import { cellPosition } from "@/lib/sweeps/sweep-axis";

export interface GridAxes {
  /** The axis index shown across the columns (null: one column). */
  col: number | null;
  /** The axis index shown down the rows (null: one row). */
  row: number | null;
}

/**
 * X across, Y down; swapped, the other way round. A sweep with one axis reads as one row, except
 * a model axis, which reads as one row per model (the "Compare models" layout).
 */
export function gridAxes(axisFields: readonly string[], swapped: boolean): GridAxes {
  const natural: GridAxes =
    axisFields.length >= 2 ? { col: 0, row: 1 } : axisFields[0] === "model" ? { col: null, row: 0 } : { col: 0, row: null };
  return swapped ? { col: natural.row, row: natural.col } : natural;
}

/** The positions of one layer (z) as rows of cells, in screen order. */
export function layerRows(shape: readonly [number, number, number], axes: GridAxes, z: number): number[][] {
  const cols = axes.col === null ? 1 : shape[axes.col];
  const rows = axes.row === null ? 1 : shape[axes.row];
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const coords = [0, 0, z];
      if (axes.col !== null) coords[axes.col] = c;
      if (axes.row !== null) coords[axes.row] = r;
      return cellPosition(shape, coords[0], coords[1], coords[2]);
    }),
  );
}

/** Progress of a sweep for its toolbar and the list: "6 of 9 done". Done = finished one way or another. */
export interface SweepProgress {
  cells: number;
  runs: number;
  done: number;
  completed: number;
  failed: number;
  cancelled: number;
  running: number;
  waiting: number;
}

export function sweepProgress(cells: number, statuses: readonly string[]): SweepProgress {
  const count = (...s: string[]) => statuses.filter((x) => s.includes(x)).length;
  const completed = count("completed");
  const failed = count("failed");
  const cancelled = count("cancelled");
  return {
    cells,
    runs: statuses.length,
    done: completed + failed + cancelled,
    completed,
    failed,
    cancelled,
    running: count("submitting", "queued", "processing"),
    waiting: count("waiting"),
  };
}
