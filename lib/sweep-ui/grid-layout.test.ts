import { describe, expect, it } from "vitest";
import { gridAxes, layerRows, sweepProgress } from "./grid-layout";

describe("grid layout", () => {
  it("puts X across and Y down; swapping exchanges them without moving any cell", () => {
    const shape: [number, number, number] = [3, 2, 1];
    expect(layerRows(shape, gridAxes(["cfg_scale", "style"], false), 0)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(layerRows(shape, gridAxes(["cfg_scale", "style"], true), 0)).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it("shows a third axis's layers one at a time", () => {
    const shape: [number, number, number] = [2, 2, 2];
    expect(layerRows(shape, gridAxes(["a", "b", "c"], false), 1)).toEqual([
      [4, 5],
      [6, 7],
    ]);
  });

  it("reads one axis as one row, and a model axis as one row per model", () => {
    expect(layerRows([3, 1, 1], gridAxes(["cfg_scale"], false), 0)).toEqual([[0, 1, 2]]);
    expect(layerRows([3, 1, 1], gridAxes(["model"], false), 0)).toEqual([[0], [1], [2]]);
    expect(layerRows([3, 1, 1], gridAxes(["model"], true), 0)).toEqual([[0, 1, 2]]);
  });

  it("counts progress: done is finished any way", () => {
    expect(sweepProgress(9, ["completed", "completed", "failed", "waiting", "processing", "cancelled"])).toEqual({
      cells: 9, runs: 6, done: 4, completed: 2, failed: 1, cancelled: 1, running: 1, waiting: 1,
    });
  });
});
