import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { imageIdsBody } from "@/lib/gallery/image-ids";
import { parseBody, parseBodyValue } from "@/lib/http/parse-body";

const A = "0b5e3c1a-7d2f-4e8a-9c41-2f6d8e0a1b3c";

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("accepted");
}

describe("parseBody", () => {
  const schema = z.object({ favorite: z.boolean({ error: "favorite must be true or false" }) }).strict();

  it("returns the schema's output for a valid JSON body", () => {
    expect(parseBody(schema, { type: "json", value: { favorite: true } })).toEqual({ favorite: true });
  });

  it("refuses with 422 validation_failed, naming each field", () => {
    const e = refusal(() => parseBody(schema, { type: "json", value: { favorite: "yes", x: 1 } }, { unknownFieldMessage: (k) => `${k} is not an image field` }));
    expect(e.status).toBe(422);
    expect(e.code).toBe("validation_failed");
    expect(e.fields).toEqual([
      { field: "favorite", message: "favorite must be true or false" },
      { field: "x", message: "x is not an image field" },
    ]);
    expect(e.message).toBe("favorite must be true or false; x is not an image field");
  });

  it("reads a form's fields as an object, the first of a repeated name", () => {
    const form = new URLSearchParams([["imageIds", A], ["imageIds", "not-an-id"]]);
    expect(parseBody(imageIdsBody, { type: "form", value: form })).toEqual({ imageIds: [A] });
    const hostile = new URLSearchParams([["__proto__", "x"], ["toString", "y"], ["imageIds", A]]);
    expect(parseBody(imageIdsBody, { type: "form", value: hostile })).toEqual({ imageIds: [A] });
  });

  it("keeps the imageIds messages of parseImageIds", () => {
    const e = refusal(() => parseBodyValue(imageIdsBody, { imageIds: [A, 42] }));
    expect(e.fields).toEqual([{ field: "imageIds", message: "imageIds[1] must be an image id as text (got 42)" }]);
    expect(refusal(() => parseBodyValue(imageIdsBody, {})).fields).toEqual([{ field: "imageIds", message: "imageIds must be a list of image ids" }]);
    expect(refusal(() => parseBodyValue(imageIdsBody, null)).fields).toEqual([{ field: "", message: "request body must be a JSON object" }]);
  });

  it("takes a validate function's own field errors as they are", () => {
    const validate = (v: unknown) =>
      v === 1 ? ({ ok: true, value: "one" } as const) : ({ ok: false, errors: [{ field: "n", message: "n must be 1" }] } as const);
    expect(parseBodyValue(validate, 1)).toBe("one");
    expect(refusal(() => parseBodyValue(validate, 2))).toMatchObject({ status: 422, message: "n must be 1", fields: [{ field: "n", message: "n must be 1" }] });
  });
});
