import { describe, expect, it } from "vitest";
import type { ModelDefinition } from "@/lib/models/model-definition";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { VALID } from "@/lib/models/nova-canvas/test-fixtures";
import { validateJobRequest } from "@/lib/models/validate-job-request";

describe("validateJobRequest", () => {
  it("runs a request without `model` on the default model, as before models were data", () => {
    const result = validateJobRequest(VALID.TEXT_IMAGE);
    expect(result.ok && result.model).toBe(novaCanvas);
  });

  it("accepts the model named explicitly", () => {
    const result = validateJobRequest({ ...VALID.TEXT_IMAGE, model: novaCanvas.id });
    expect(result.ok && result.model.id).toBe(novaCanvas.id);
  });

  it("names the field and the models on offer for an unknown or mistyped model", () => {
    for (const model of ["nope", 7, null, "__proto__", ["x"]]) {
      const result = validateJobRequest({ ...VALID.TEXT_IMAGE, model });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0].field).toBe("model");
      expect(result.errors[0].message).toContain(`model must be one of ${novaCanvas.id}`);
    }
  });

  it("leaves the rest to the chosen model's own schema", () => {
    const result = validateJobRequest({ ...VALID.TEXT_IMAGE, number_of_images: 9 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(["number_of_images"]);
  });

  it("dispatches to whichever model the lookup returns", () => {
    const other = { ...novaCanvas, id: "other-model", validate: () => ({ ok: false as const, errors: [{ field: "x", message: "from other" }] }) };
    const lookup = (id: string): ModelDefinition | undefined => (id === other.id ? other : undefined);
    const result = validateJobRequest({ model: "other-model" }, lookup, () => [other]);
    expect(result).toEqual({ ok: false, errors: [{ field: "x", message: "from other" }] });
  });

  it("refuses what is not an object through the default model's message", () => {
    const result = validateJobRequest("text");
    expect(result.ok).toBe(false);
  });
});
