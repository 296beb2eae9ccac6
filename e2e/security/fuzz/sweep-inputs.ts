/**
 * Hostile inputs of the sweep routes (issue 12): axes, cells to leave out, cell positions and
 * seeds. Each list holds only values the route must refuse. The sweep body the fuzz run starts from
 * can never run (its prompt is empty, so every cell is refused), so no mix of these makes a sweep.
 */
import { NASTY_TEXT, overlong, PROTO_KEYS } from "./hostile-values";

const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

/** The only sweep body the run starts from: every cell refused (empty prompt). */
export const UNRUNNABLE_SWEEP = {
  base: { task_type: "TEXT_IMAGE", prompt: "" },
  axes: [{ field: "cfg_scale", values: [3, 6] }],
  title: "fuzz",
};

export const HOSTILE_AXES: readonly unknown[] = [
  [],
  {},
  many(4, () => ({ field: "seed", values: [1] })),
  [{ field: "cfg_scale", values: many(51, (i) => i) }],
  [{ field: "seed", values: many(11, (i) => i) }, { field: "cfg_scale", values: many(10, (i) => i) }],
  [{ field: "", values: [1] }],
  [{ field: "x".repeat(65), values: [1] }],
  [{ field: "cfg_scale", values: [] }],
  [{ field: "cfg_scale", values: [{ $gt: 1 }] }],
  [{ field: "cfg_scale", values: [[1]] }],
  [{ field: "cfg_scale", values: [null] }],
  [{ field: "cfg_scale", values: ["x".repeat(1025)] }],
  [{ field: "cfg_scale", values: [1], extra: true }],
  [{ field: "cfg_scale", values: [1], source: "x".repeat(2001) }],
  [{ field: "prompt", values: ["a"], search: "" }],
  [{ field: "prompt", values: ["a"], search: "s".repeat(1025) }],
  [{ field: "cfg_scale" }],
  [{ values: [1] }],
  ...PROTO_KEYS.map((key) => [{ field: key, values: [1] }]),
  [{ field: "model", values: [1, 2] }],
  [{ field: "cfg_scale", values: 3 }],
  NASTY_TEXT[0],
];

export const HOSTILE_DROPS: readonly unknown[] = [
  [-1],
  [1.5],
  ["0"],
  [null],
  many(101, (i) => i),
  { 0: 0 },
  "0,1",
  [[0]],
  [2 ** 53],
];

/** Cell positions in a path that name no cell (only 0 … 999 are read; none of these). */
export const HOSTILE_POSITIONS = ["-1", "1.0", "1e2", "1000", "%00", "0x1", "%2e%2e", "9".repeat(400), "%ED%A0%80"];

/** Seeds of the whole-sweep re-run: outside 0 … 2³¹-1, or not whole numbers. */
export const HOSTILE_SEEDS: readonly unknown[] = [-1, 1.5, 2 ** 31, "7", null, [7], { seed: 7 }, 1e309];

/** Titles no field can store, or too long (odd but storable text is a valid title, so not here). */
export const HOSTILE_TITLES: readonly unknown[] = [...NASTY_TEXT, overlong(121), overlong(70_000), 7, null, ["t"]];
