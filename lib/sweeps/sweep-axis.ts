/**
 * A sweep's axes as the API and the `sweeps` table hold them. Shared by the browser (the sweep
 * builder's preview) and the server (which plans the sweep again before anything runs): nothing
 * here may import server code, nor zod: its schemas (sweep-schemas.ts) here would put zod's record
 * and union into every page's first load, the playground's too.
 */

export type AxisValue = string | number | boolean;

/** The axis that varies the model: its values are model ids. */
export const MODEL_AXIS = "model";
/** The axis that varies the prompt: each value replaces `search` in the prompt and negative prompt. */
export const PROMPT_AXIS = "prompt";

export interface SweepAxis {
  /** `model`, `prompt` (with `search`) or a parameter of the model's task (`cfg_scale`, `style`, `seed`…). */
  field: string;
  values: AxisValue[];
  /** Prompt axes: the text each value takes the place of (A1111's "Prompt S/R", or a `{a|b|c}` group). */
  search?: string;
  /** What the user typed for the values, kept so a reopened sweep shows it again. */
  source?: string;
}

export const SWEEP_LIMITS = {
  maxAxes: 3,
  maxValuesPerAxis: 50,
  maxCells: 100,
  maxSourceChars: 2000,
  maxSearchChars: 1024,
  maxValueChars: 1024,
  maxTitleChars: 120,
} as const;

/** POST /api/sweeps's body; its zod schema and parser are in sweep-schemas.ts (zod stays out of the browser's sweep code). */
export type { SweepRequest } from "./sweep-schemas";

/** Cells along each axis, [x, y, z]; an absent axis counts 1. */
export function gridShape(axes: readonly Pick<SweepAxis, "values">[]): [number, number, number] {
  return [axes[0]?.values.length ?? 1, axes[1]?.values.length ?? 1, axes[2]?.values.length ?? 1];
}

export function cellCount(axes: readonly Pick<SweepAxis, "values">[]): number {
  const [nx, ny, nz] = gridShape(axes);
  return nx * ny * nz;
}

/** position = x + y·nx + z·nx·ny (the `sweep_cells` key). */
export function cellPosition(shape: readonly [number, number, number], x: number, y: number, z: number): number {
  return x + y * shape[0] + z * shape[0] * shape[1];
}

export function cellCoords(shape: readonly [number, number, number], position: number): [number, number, number] {
  const [nx, ny] = shape;
  return [position % nx, Math.floor(position / nx) % ny, Math.floor(position / (nx * ny))];
}
