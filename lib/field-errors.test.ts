import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFieldErrors, validationFailed } from "@/lib/field-errors";

describe("toFieldErrors", () => {
  const schema = z
    .object({
      prompt: z.string().min(1, "prompt must not be empty"),
      colors: z.array(z.string().regex(/^#[0-9a-f]{6}$/, "colors[] must be #rrggbb"), { error: "colors must be a list" }),
    })
    .strict();
  const errorsOf = (value: unknown, unknown?: (key: string) => string) => {
    const r = schema.safeParse(value);
    if (r.success) throw new Error("accepted");
    return toFieldErrors(r.error.issues, unknown);
  };

  it("keys each problem by its top-level field, with the schema's message", () => {
    expect(errorsOf({ prompt: "", colors: ["#zzzzzz", "#000000"] })).toEqual([
      { field: "prompt", message: "prompt must not be empty" },
      { field: "colors", message: "colors[] must be #rrggbb" },
    ]);
  });

  it("lists the same field and message once", () => {
    expect(errorsOf({ prompt: "x", colors: ["bad", "worse"] })).toEqual([{ field: "colors", message: "colors[] must be #rrggbb" }]);
  });

  it("names each unknown key, in the caller's words or a plain default", () => {
    expect(errorsOf({ prompt: "x", colors: [], a: 1, b: 2 })).toEqual([
      { field: "a", message: "a is not a known field" },
      { field: "b", message: "b is not a known field" },
    ]);
    expect(errorsOf({ prompt: "x", colors: [], a: 1 }, (k) => `${k} is not a share field`)).toEqual([{ field: "a", message: "a is not a share field" }]);
  });

  it('a problem with the whole value has the field ""', () => {
    expect(errorsOf(null)).toEqual([{ field: "", message: expect.any(String) }]);
  });
});

describe("validationFailed", () => {
  it("is the one 422: code validation_failed, the messages joined, each field named", () => {
    const e = validationFailed([
      { field: "a", message: "a is wrong" },
      { field: "b", message: "b is wrong" },
    ]);
    expect(e.status).toBe(422);
    expect(e.code).toBe("validation_failed");
    expect(e.message).toBe("a is wrong; b is wrong");
    expect(e.fields).toHaveLength(2);
  });
});
