import { describe, expect, it } from "vitest";
import { findRunBlocker, type RunGateInput } from "@/components/playground/run-gate";
import type { TaskDraft } from "@/lib/playground-form/draft-types";
import { defaultModelDraft } from "@/lib/playground-form/model-drafts";
import { FLUX } from "@/lib/playground-form/test-models";
import { definitionOf } from "@/lib/queries/use-models";
import { defaultDraft } from "@/lib/playground-form/task-drafts";
import { checkDraft } from "@/lib/playground-form/validate-draft";
import type { TaskType } from "@/lib/models";

function gate(task: TaskType, over: TaskDraft, state: Partial<Pick<RunGateInput, "hydrated" | "controlsLoading">> = {}) {
  const draft = { ...defaultDraft(task), ...over };
  return findRunBlocker({ task, draft, check: checkDraft(task, draft), hydrated: true, controlsLoading: false, ...state });
}

describe("findRunBlocker", () => {
  it("lets a valid, loaded form run", () => {
    expect(gate("TEXT_IMAGE", { prompt: "a lighthouse" })).toBeNull();
  });

  // The lost click of issue 9: Run was enabled while the style picker and the image input were
  // still stand-ins; they replaced them mid-click and moved Run 208 px down.
  it("holds a valid form while a control is still loading, and until the saved draft is in", () => {
    expect(gate("TEXT_IMAGE", { prompt: "a lighthouse" }, { controlsLoading: true })).toBe("Loading the form…");
    expect(gate("TEXT_IMAGE", { prompt: "a lighthouse" }, { hydrated: false })).toBe("Loading the form…");
  });

  it("says what to fix on a loaded form", () => {
    expect(gate("TEXT_IMAGE", { prompt: "" })).toBe("Write a prompt to run");
    expect(gate("IMAGE_VARIATION", {})).toBe("Fix 1 field to run: Source images");
    expect(gate("TEXT_IMAGE", { prompt: "x", cfg_scale: null, seed: -1 })).toBe("Fix 2 fields to run: Seed, Prompt strength (CFG)");
  });

  describe("with a catalog model", () => {
    const flux = definitionOf(FLUX)!;
    it("Run says why a model that cannot run is blocked, before anything else", () => {
      const draft = { ...defaultModelDraft(flux), prompt: "x" };
      const check = checkDraft("TEXT_IMAGE", draft, flux);
      const gate = { model: flux, task: "TEXT_IMAGE" as const, draft, check, hydrated: true, controlsLoading: false };
      expect(findRunBlocker(gate)).toBeNull();
      expect(findRunBlocker({ ...gate, unavailable: "FLUX.2 [klein] 4B was retired on 2027-01-01" })).toBe(
        "Cannot run: FLUX.2 [klein] 4B was retired on 2027-01-01",
      );
    });
  });
});
