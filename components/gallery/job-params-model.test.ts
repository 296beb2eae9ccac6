import { describe, expect, it } from "vitest";
import { paramRows } from "@/components/gallery/job-params-model";

describe("paramRows", () => {
  it("lists the task's parameters with the form's labels, images left out", () => {
    const rows = paramRows({
      taskType: "TEXT_IMAGE",
      params: {
        task_type: "TEXT_IMAGE",
        prompt: "a lighthouse",
        negative_prompt: "",
        style: "PHOTOREALISM",
        image: { input: "abc" },
        quality: "premium",
        seed: 7,
        cfg_scale: 6.5,
      },
    });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ["Task", "Text to image"],
      ["Prompt", "a lighthouse"],
      ["Style", "Photorealism"],
      ["Quality", "Premium"],
      ["Prompt strength (CFG)", "6.5"],
      ["Seed", "7"],
    ]);
  });

  it("keeps colours as swatches and tolerates an unknown task", () => {
    const rows = paramRows({ taskType: "COLOR_GUIDED_GENERATION", params: { prompt: "p", colors: ["#FF0000", "#00FF00"] } });
    expect(rows.find((r) => r.name === "colors")).toMatchObject({ value: "#FF0000, #00FF00", colors: ["#FF0000", "#00FF00"] });
    expect(paramRows({ taskType: "NEW_TASK", params: { model: "m", task_type: "NEW_TASK", foo: 1 } }).map((r) => r.label)).toEqual(["Task", "foo"]);
  });
});
