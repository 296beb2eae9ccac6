import { describe, expect, it } from "vitest";
import { findRunBlocker, type RunGateInput } from "@/components/playground/run-gate";
import type { TaskDraft } from "@/lib/playground-form/draft-types";
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
});
