import { z } from "zod";
import { refineStorableText } from "@/lib/text/storable-text";
import { SWEEP_LIMITS } from "./sweep-axis";

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

/** POST /api/sweeps/{id}/rerun: the whole sweep again with another seed (drawn when absent). */
export const rerunSweepBody = z
  .object({ seed: z.number().int("seed must be a whole number").min(0, "seed must be at least 0").max(2 ** 31 - 1, `seed must be at most ${2 ** 31 - 1}`).optional() })
  .strict();

/** POST /api/sweeps/{id}/cells/{position}/rerun: the cell's run again, with its seed unless `newSeed`. */
export const rerunCellBody = z.object({ newSeed: z.boolean().optional() }).strict();

/** A cell position in a path: 0 … 99. */
export function parsePosition(raw: string): number | null {
  return /^\d{1,3}$/.test(raw) ? Number(raw) : null;
}
