/**
 * A sweep's axes as the API and the `sweeps` table hold them. Shared by the browser (the sweep
 * builder's preview) and the server (which plans the sweep again before anything runs): nothing
 * here may import server code.
 */
import { z } from "zod";
import { refineStorableText } from "@/lib/text/storable-text";

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

const L = SWEEP_LIMITS;

const axisValue = z.union([
  z.string().max(L.maxValueChars, `each value may have at most ${L.maxValueChars} characters`),
  z.number().finite(),
  z.boolean(),
]);

export const sweepAxisSchema = z
  .object({
    field: z.string().min(1, "field is required").max(64, "field may have at most 64 characters"),
    values: z
      .array(axisValue)
      .min(1, "values needs at least 1 value")
      .max(L.maxValuesPerAxis, `values may have at most ${L.maxValuesPerAxis} values`),
    search: z.string().min(1, "search must not be empty").max(L.maxSearchChars, `search may have at most ${L.maxSearchChars} characters`).optional(),
    source: z.string().max(L.maxSourceChars, `source may have at most ${L.maxSourceChars} characters`).optional(),
  })
  .strict();

/** POST /api/sweeps: the form's request (`base`), its axes, the cells left out, and a title. */
export const sweepRequestSchema = z
  .object({
    base: z.record(z.string(), z.unknown()),
    axes: z.array(sweepAxisSchema).min(1, "axes needs at least 1 axis").max(L.maxAxes, `axes may have at most ${L.maxAxes} axes`),
    drop: z
      .array(z.number().int("drop holds cell positions (whole numbers)").min(0, "drop holds cell positions from 0"))
      .max(L.maxCells, `drop may list at most ${L.maxCells} cells`)
      .optional(),
    title: z
      .string()
      .superRefine(refineStorableText("title"))
      .max(L.maxTitleChars, `title may have at most ${L.maxTitleChars} characters`)
      .optional(),
  })
  .strict();

export type SweepRequest = z.infer<typeof sweepRequestSchema>;

type Parsed = { ok: true; value: SweepRequest } | { ok: false; errors: { field: string; message: string }[] };

/**
 * The body checked by `sweepRequestSchema`, each refusal naming the top-level field (as every
 * route's 422 does) and, in its message, where inside it: "axes[1].values: values needs at least 1 value".
 */
export function parseSweepRequest(input: unknown): Parsed {
  const result = sweepRequestSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.join(", ");
      return path === ""
        ? { field: issue.keys[0] ?? "", message: `${keys}: the request takes no such field` }
        : { field: String(issue.path[0]), message: `${path} takes no ${keys}` };
    }
    return { field: typeof issue.path[0] === "string" ? issue.path[0] : "", message: issue.path.length > 1 ? `${path}: ${issue.message}` : issue.message };
  });
  return { ok: false, errors };
}

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
