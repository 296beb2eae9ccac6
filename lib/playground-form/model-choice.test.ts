import { describe, expect, it } from "vitest";
import { canRun, modelNote, resolveModelId, whyUnavailable } from "@/lib/playground-form/model-choice";
import { FLUX, NOVA, OFFERED, RETIRED_NOVA, SEEDREAM } from "@/lib/playground-form/test-models";

describe("model choice", () => {
  it("keeps a remembered model while it is listed, even one that cannot run", () => {
    expect(resolveModelId(OFFERED, SEEDREAM.id)).toBe(SEEDREAM.id);
    expect(resolveModelId([RETIRED_NOVA, FLUX], NOVA.id)).toBe(NOVA.id);
  });

  it("falls back to the first model that can run when the remembered one is gone", () => {
    expect(resolveModelId(OFFERED, "gone-model")).toBe(NOVA.id);
    expect(resolveModelId([RETIRED_NOVA, FLUX, SEEDREAM], "gone-model")).toBe(FLUX.id);
    expect(resolveModelId([RETIRED_NOVA], "gone-model")).toBeNull();
  });

  it("says why a model cannot run, and notes deprecation with its date", () => {
    expect(whyUnavailable(RETIRED_NOVA)).toBe("Amazon Nova Canvas was retired on 2026-09-30");
    expect(canRun(NOVA)).toBe(true);
    expect(modelNote(NOVA)).toBe("deprecated, retires 2026-09-30");
    expect(modelNote(RETIRED_NOVA)).toBe("retired on 2026-09-30");
    expect(modelNote({ ...FLUX, unavailable: { reason: "The gateway refused the model.", since: null } })).toBe("unavailable: The gateway refused the model");
    expect(modelNote(FLUX)).toBeNull();
    expect(whyUnavailable({ ...FLUX, catalog: null })).toBe("FLUX.2 [klein] 4B cannot be run from this playground");
  });
});
