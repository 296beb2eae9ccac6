import { describe, expect, it } from "vitest";
import { TASK_TYPES, type TaskType } from "@/lib/models/task-types";
import { maskNeedsInversion, type MaskPolarity } from "@/lib/models/mask-polarity";
import { PROVIDER_MASK_POLARITY } from "@/lib/models/nova-canvas/mask-polarity";

describe("mask polarity", () => {
  it("follows the gateway page: white = edit for every task, so nothing is inverted", () => {
    for (const task of TASK_TYPES) {
      expect(PROVIDER_MASK_POLARITY[task]).toBe("white-edit");
      expect(maskNeedsInversion(task, PROVIDER_MASK_POLARITY)).toBe(false);
    }
  });

  it("reads a task the model does not list as the app paints it", () => {
    expect(maskNeedsInversion("INPAINTING", {})).toBe(false);
  });

  it("inverts exactly the tasks whose provider polarity is black = edit", () => {
    const bedrock = { ...PROVIDER_MASK_POLARITY, INPAINTING: "black-edit", VIRTUAL_TRY_ON: "black-edit" } as Record<
      TaskType,
      MaskPolarity
    >;
    expect(TASK_TYPES.filter((t) => maskNeedsInversion(t, bedrock))).toEqual(["INPAINTING", "VIRTUAL_TRY_ON"]);
  });
});
