import { expect, it, vi } from "vitest";
import { novaCanvas } from "@/lib/models";
import { joinNames, modelNames } from "@/lib/shares/model-names";

vi.mock("@/lib/log", () => ({ log: vi.fn() }));

const offered = new Map([
  ["flux-2-klein-4b", "FLUX.2 [klein] 4B"],
  ["seedream-5-0-lite", "Seedream 5.0 Lite"],
]);

it("names built-in models by their definition without reading the catalog", async () => {
  const read = vi.fn(async () => offered);
  expect(await modelNames([novaCanvas.id, novaCanvas.id], read)).toEqual(new Map([[novaCanvas.id, novaCanvas.label]]));
  expect(read).not.toHaveBeenCalled();
});

it("names catalog models from the offered models, once per call, and gone models by their id", async () => {
  const read = vi.fn(async () => offered);
  const names = await modelNames(["flux-2-klein-4b", novaCanvas.id, "retired.model:1", "flux-2-klein-4b"], read);
  expect(names).toEqual(
    new Map([
      [novaCanvas.id, novaCanvas.label],
      ["flux-2-klein-4b", "FLUX.2 [klein] 4B"],
      ["retired.model:1", "retired.model:1"],
    ]),
  );
  expect(read).toHaveBeenCalledTimes(1);
});

it("falls back to ids when the catalog cannot be read (a throw, a rejection) and never throws itself", async () => {
  const throwing = () => {
    throw new Error("runtime failed to boot");
  };
  expect(await modelNames(["flux-2-klein-4b", novaCanvas.id], throwing)).toEqual(
    new Map([
      [novaCanvas.id, novaCanvas.label],
      ["flux-2-klein-4b", "flux-2-klein-4b"],
    ]),
  );
  const rejecting = () => Promise.reject(new Error("gateway down"));
  expect(await modelNames(["seedream-5-0-lite"], rejecting)).toEqual(new Map([["seedream-5-0-lite", "seedream-5-0-lite"]]));
});

it("does not wait for a slow catalog past its limit, and a late failure is not an unhandled rejection", async () => {
  const slow = () => new Promise<ReadonlyMap<string, string>>((resolve) => setTimeout(() => resolve(offered), 1_000));
  const started = Date.now();
  expect(await modelNames(["flux-2-klein-4b"], slow, 20)).toEqual(new Map([["flux-2-klein-4b", "flux-2-klein-4b"]]));
  expect(Date.now() - started).toBeLessThan(900);
  const lateFailure = () => new Promise<ReadonlyMap<string, string>>((_, reject) => setTimeout(() => reject(new Error("late")), 30));
  expect(await modelNames(["flux-2-klein-4b"], lateFailure, 5)).toEqual(new Map([["flux-2-klein-4b", "flux-2-klein-4b"]]));
  await new Promise((r) => setTimeout(r, 60));
});

it("joins names as a sentence", () => {
  expect(joinNames([])).toBe("");
  expect(joinNames(["A"])).toBe("A");
  expect(joinNames(["A", "B"])).toBe("A and B");
  expect(joinNames(["A", "B", "C"])).toBe("A, B and C");
});
