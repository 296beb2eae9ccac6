import { describe, expect, it } from "vitest";
import { TASK_TYPES } from "@/lib/models/task-types";
import { errorsOf, parseOk, VALID, variant } from "@/lib/models/nova-canvas/test-fixtures";
import { validateGenerationRequest } from "@/lib/models/nova-canvas/validate";

describe("validateGenerationRequest", () => {
  it.each([null, "x", 3, [], true])("rejects a body that is not an object: %j", (input) => {
    expect(errorsOf(input)).toEqual([{ field: "", message: "request body must be a JSON object" }]);
  });

  it("rejects an unknown task type and lists the known ones", () => {
    expect(errorsOf({ task_type: "FOO", prompt: "x" })).toEqual([
      {
        field: "task_type",
        message:
          'task_type must be one of TEXT_IMAGE, IMAGE_VARIATION, INPAINTING, OUTPAINTING, COLOR_GUIDED_GENERATION, BACKGROUND_REMOVAL, VIRTUAL_TRY_ON (got "FOO")',
      },
    ]);
    expect(errorsOf({ task_type: 7 })[0].message).toMatch(/\(got 7\)$/);
  });

  it("defaults a missing task_type to TEXT_IMAGE", () => {
    expect(parseOk({ prompt: "x" }).task_type).toBe("TEXT_IMAGE");
    expect(errorsOf({})).toEqual([{ field: "prompt", message: "prompt is required" }]);
  });

  it.each(TASK_TYPES)("accepts the minimal %s request", (task) => {
    expect(parseOk(VALID[task]).task_type).toBe(task);
  });

  it.each(TASK_TYPES)("%s rejects an unknown field, one error per field", (task) => {
    expect(errorsOf(variant(task, { foo: 1, bar: 2 }))).toEqual([
      { field: "foo", message: `foo is not a parameter of ${task}` },
      { field: "bar", message: `bar is not a parameter of ${task}` },
    ]);
  });

  it.each(TASK_TYPES)("%s accepts model equal to the model id and nothing else", (task) => {
    expect(parseOk(variant(task, { model: "amazon-nova-canvas" }))).toBeTruthy();
    expect(errorsOf(variant(task, { model: "dall-e-3" }))).toEqual([
      { field: "model", message: 'model must be "amazon-nova-canvas" (got "dall-e-3")' },
    ]);
  });

  it("treats keys holding undefined as absent (form drafts have them)", () => {
    expect(parseOk({ task_type: "INPAINTING", image: "https://x.test/a.png", mask_image: "AAAA", style: undefined })).toBeTruthy();
  });

  it("reports every problem at once: field rules, unknown keys and cross-field rules", () => {
    const errors = errorsOf({ task_type: "INPAINTING", image: "", cfg_scale: 99, style: "X" });
    expect(errors.map((e) => e.field).sort()).toEqual(["cfg_scale", "image", "mask_image", "style"]);
  });

  it("does not mutate its input and returns a fresh object", () => {
    const input = { task_type: "TEXT_IMAGE", prompt: "x", negative_prompt: "" };
    const frozen = Object.freeze({ ...input });
    const result = validateGenerationRequest(frozen);
    expect(result.ok && result.value).not.toBe(frozen);
    expect(frozen).toEqual(input);
  });

  it("gives the same errors for the same input (the form and the API share it)", () => {
    const input = { task_type: "OUTPAINTING", prompt: "", number_of_images: 9 };
    expect(validateGenerationRequest(input)).toEqual(validateGenerationRequest(structuredClone(input)));
  });
});
