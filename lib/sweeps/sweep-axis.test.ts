import { describe, expect, it } from "vitest";
import { parseSweepRequest } from "./sweep-schemas";

const base = { task_type: "TEXT_IMAGE", prompt: "a fox" };

describe("parseSweepRequest", () => {
  it("takes a sweep body", () => {
    const r = parseSweepRequest({ base, axes: [{ field: "cfg_scale", values: [3, 6] }], drop: [1], title: "t" });
    expect(r.ok).toBe(true);
  });

  it("names the top-level field and says where inside it, for the guard's 422", () => {
    const errors = (body: unknown) => {
      const r = parseSweepRequest(body);
      if (r.ok) throw new Error("accepted");
      return r.errors;
    };
    expect(errors({ base, axes: [{ field: "cfg_scale", values: [] }] })).toEqual([{ field: "axes", message: "axes[0].values: values needs at least 1 value" }]);
    expect(errors({ base, axes: [{ field: "cfg_scale", values: [1], extra: 1 }] })).toEqual([{ field: "axes", message: "axes[0] takes no extra" }]);
    expect(errors({ base, axes: [{ field: "seed", values: [1] }], colour: 1 })).toEqual([{ field: "colour", message: "colour: the request takes no such field" }]);
    expect(errors({ base, axes: [{ field: "seed", values: [1] }], drop: [-1] })).toEqual([{ field: "drop", message: "drop[0]: drop holds cell positions from 0" }]);
    expect(errors({ base: "x", axes: [{ field: "seed", values: [1] }] })[0].field).toBe("base");
    expect(errors({ base, axes: Array.from({ length: 4 }, () => ({ field: "seed", values: [1] })) })).toEqual([{ field: "axes", message: "axes may have at most 3 axes" }]);
  });
});
