/**
 * The builder's whole state → the preview's plan and the POST /api/sweeps body. Cells left out
 * are remembered by their values (not their positions), so editing an axis never leaves out a
 * different cell than the one the person chose.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import { planSweep, type PlanDeps, type PlannedCell, type SweepPlan } from "@/lib/sweeps/plan-sweep";
import { gridShape, type SweepAxis, type SweepRequest } from "@/lib/sweeps/sweep-axis";
import { fieldOfChoice, toSweepAxis, type AxisChoice, type AxisDraft, type AxisResult } from "./axis-drafts";

export type SeedMode = "form" | "random";

export interface SweepDraftInput {
  /** The request Run would send now (model included). */
  base: Record<string, unknown>;
  axes: readonly AxisDraft[];
  choices: readonly AxisChoice[];
  fields: readonly FieldSpec[];
  /** Keys (cellKey) of the cells left out. */
  dropped: ReadonlySet<string>;
  /** "form": every cell takes the form's seed; "random": the server draws one for every cell. */
  seedMode: SeedMode;
  title?: string;
}

export interface SweepDraftResult {
  axisResults: AxisResult[];
  /** Null until every axis has values. */
  request: SweepRequest | null;
  plan: SweepPlan | null;
}

/** A cell's identity for "Leave out": its values along the axes. */
export function cellKey(axes: readonly SweepAxis[], cell: Pick<PlannedCell, "x" | "y" | "z">): string {
  const coords = [cell.x, cell.y, cell.z];
  return JSON.stringify(axes.map((a, i) => a.values[coords[i]]));
}

/** The base as the sweep sends it: with the form's seed, or none (the server draws one shared seed). */
export function sweepBase(base: Record<string, unknown>, seedMode: SeedMode): Record<string, unknown> {
  if (seedMode === "form" && typeof base.seed === "number") return base;
  const rest = { ...base };
  delete rest.seed;
  return rest;
}

export function buildSweepDraft(input: SweepDraftInput, deps: PlanDeps): SweepDraftResult {
  const axisResults = input.axes.map((draft) => {
    const choice = input.choices.find((c) => c.key === draft.choice);
    const field = fieldOfChoice(draft.choice);
    return toSweepAxis(draft, choice, field ? input.fields.find((f) => f.name === field) : undefined);
  });
  if (axisResults.length === 0 || axisResults.some((r) => !r.ok)) return { axisResults, request: null, plan: null };
  const axes = axisResults.map((r) => (r as Extract<AxisResult, { ok: true }>).axis);
  const base = sweepBase(input.base, input.seedMode);
  const [nx, ny, nz] = gridShape(axes);
  const drop: number[] = [];
  for (let position = 0; position < nx * ny * nz; position++) {
    const cell = { x: position % nx, y: Math.floor(position / nx) % ny, z: Math.floor(position / (nx * ny)) };
    if (input.dropped.has(cellKey(axes, cell))) drop.push(position);
  }
  const title = input.title?.trim();
  const request: SweepRequest = { base, axes, ...(drop.length > 0 ? { drop } : {}), ...(title ? { title } : {}) };
  // The server plans with the base's seed as the sweep's seed (every cell, every model): so does the preview.
  const seed = typeof base.seed === "number" ? base.seed : undefined;
  return { axisResults, request, plan: planSweep({ base, axes, drop, seed }, deps) };
}

/** Whether Run may be pressed, and if not, the one reason to show beside it. */
export function runBlocker(result: SweepDraftResult, leftMicros: number | null): string | null {
  const bad = result.axisResults.findIndex((r) => !r.ok);
  if (result.axisResults.length === 0) return "Add an axis";
  if (bad >= 0) return `Axis ${"XYZ"[bad]}: ${(result.axisResults[bad] as { message: string }).message}`;
  const plan = result.plan!;
  if (plan.problems.length > 0) return plan.problems[0].message;
  if (plan.refused.length > 0) return `${plan.refused.length} cell${plan.refused.length === 1 ? "" : "s"} would be refused: fix the values or leave ${plan.refused.length === 1 ? "it" : "them"} out`;
  if (plan.runs === 0) return "Every cell is left out: nothing would run";
  if (leftMicros !== null && plan.totalMicros > leftMicros) return "The sweep costs more than is left of the cap";
  return null;
}

/** The price of each value of one axis (the model axis: each model's part of the total). */
export function priceByValue(plan: SweepPlan, axisIndex: number): { label: string; micros: number; runs: number }[] {
  const n = plan.shape[axisIndex];
  const out = Array.from({ length: n }, () => ({ label: "", micros: 0, runs: 0 }));
  for (const cell of plan.cells) {
    const i = [cell.x, cell.y, cell.z][axisIndex];
    out[i].label = cell.labels[axisIndex];
    if (cell.run) {
      out[i].micros += cell.run.estimate.totalMicros;
      out[i].runs += 1;
    }
  }
  return out;
}
