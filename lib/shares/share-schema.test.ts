import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  createShareSchema,
  expiryDate,
  SHARE_EXPIRIES,
  SHARE_LIMITS,
  shareFieldErrors,
  updateShareSchema,
} from "@/lib/shares/share-schema";

const ID = "6f9619ff-8b86-4d11-b42d-00c04fc964ff";
const valid = { imageIds: [ID], title: "Lighthouses" };

/** The field errors of a body the schema must refuse. */
function errorsOf(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  expect(result.success).toBe(false);
  return shareFieldErrors(result.error!);
}

function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
}

describe("createShareSchema", () => {
  it("accepts a minimal body and fills the defaults (expiry 7d, every flag false, empty description)", () => {
    expect(createShareSchema.parse(valid)).toEqual({
      imageIds: [ID],
      title: "Lighthouses",
      description: "",
      showPrompts: false,
      showParams: false,
      allowIndexing: false,
      expiry: "7d",
    });
  });

  it("keeps given values and trims the title", () => {
    const parsed = createShareSchema.parse({
      ...valid,
      title: "  Dusk  ",
      description: "  kept as is ",
      showPrompts: true,
      showParams: true,
      allowIndexing: true,
      expiry: "never",
    });
    expect(parsed).toMatchObject({ title: "Dusk", description: "  kept as is ", showPrompts: true, showParams: true, allowIndexing: true, expiry: "never" });
  });

  it("accepts the limits themselves: 120-char title, 2000-char description, 500 images", () => {
    const parsed = createShareSchema.safeParse({
      imageIds: ids(SHARE_LIMITS.imagesMax),
      title: "t".repeat(SHARE_LIMITS.titleMax),
      description: "d".repeat(SHARE_LIMITS.descriptionMax),
    });
    expect(parsed.success).toBe(true);
  });

  it("accepts every expiry option", () => {
    for (const expiry of SHARE_EXPIRIES) expect(createShareSchema.parse({ ...valid, expiry }).expiry).toBe(expiry);
  });

  it("an empty (or blank) title names the field", () => {
    expect(errorsOf(createShareSchema, { ...valid, title: "" })).toEqual([{ field: "title", message: "title must not be empty" }]);
    expect(errorsOf(createShareSchema, { ...valid, title: "   " })).toEqual([{ field: "title", message: "title must not be empty" }]);
  });

  it("a missing or non-text title names the field", () => {
    expect(errorsOf(createShareSchema, { imageIds: [ID] })).toEqual([{ field: "title", message: "title must be text" }]);
    expect(errorsOf(createShareSchema, { ...valid, title: 5 })).toEqual([{ field: "title", message: "title must be text" }]);
  });

  it("a 121-char title names the field and the limit", () => {
    expect(errorsOf(createShareSchema, { ...valid, title: "t".repeat(121) })).toEqual([
      { field: "title", message: "title must be at most 120 characters" },
    ]);
  });

  it("a NUL or an unpaired surrogate in title or description names the field and the position", () => {
    expect(errorsOf(createShareSchema, { ...valid, title: " Dusk\u0000" })).toEqual([
      { field: "title", message: "title must not contain NUL characters or unpaired surrogates (found a NUL at position 6)" },
    ]);
    expect(errorsOf(createShareSchema, { ...valid, description: "a \ud800 b" })).toEqual([
      {
        field: "description",
        message: "description must not contain NUL characters or unpaired surrogates (found an unpaired surrogate at position 3)",
      },
    ]);
    expect(errorsOf(updateShareSchema, { title: "\udc00" })[0].field).toBe("title");
    expect(errorsOf(updateShareSchema, { description: "\u0000" })[0].field).toBe("description");
  });

  it("keeps right-to-left, combining and emoji text", () => {
    const text = "שלום e\u0301 🦊";
    expect(createShareSchema.parse({ ...valid, title: text, description: text })).toMatchObject({ title: text, description: text });
  });

  it("rejects an id list holding a non-string, naming the field", () => {
    expect(errorsOf(createShareSchema, { ...valid, imageIds: [{ toString: 1 }] })).toEqual([
      { field: "imageIds", message: "imageIds must hold image ids" },
    ]);
  });

  it("a 2001-char description names the field and the limit", () => {
    expect(errorsOf(createShareSchema, { ...valid, description: "d".repeat(2001) })).toEqual([
      { field: "description", message: "description must be at most 2000 characters" },
    ]);
  });

  it("0 images names the field and the lower limit", () => {
    expect(errorsOf(createShareSchema, { ...valid, imageIds: [] })).toEqual([
      { field: "imageIds", message: "imageIds must name at least 1 image" },
    ]);
  });

  it("501 images names the field and the upper limit", () => {
    expect(errorsOf(createShareSchema, { ...valid, imageIds: ids(501) })).toEqual([
      { field: "imageIds", message: "imageIds must name at most 500 images" },
    ]);
  });

  it("a non-uuid id names the field", () => {
    const errors = errorsOf(createShareSchema, { ...valid, imageIds: [ID, "not-a-uuid"] });
    expect(errors).toEqual([{ field: "imageIds", message: "imageIds must hold image ids" }]);
  });

  it("imageIds that is not a list names the field", () => {
    expect(errorsOf(createShareSchema, { ...valid, imageIds: ID })).toEqual([
      { field: "imageIds", message: "imageIds must be a list of image ids" },
    ]);
    expect(errorsOf(createShareSchema, { title: "x" })).toEqual([
      { field: "imageIds", message: "A share takes either imageIds (1 to 500 images) or a sweepId, not both or neither" },
    ]);
    expect(errorsOf(createShareSchema, { ...valid, sweepId: ID })[0].field).toBe("imageIds");
    expect(errorsOf(createShareSchema, { ...valid, imageIds: undefined, sweepId: "x" })).toEqual([{ field: "sweepId", message: "sweepId must be a sweep id" }]);
  });

  it("a bad expiry names the field and the allowed options", () => {
    for (const expiry of ["2d", "", 7, null]) {
      expect(errorsOf(createShareSchema, { ...valid, expiry })).toEqual([
        { field: "expiry", message: "expiry must be one of never, 1d, 7d, 30d" },
      ]);
    }
  });

  it("a non-boolean flag names the flag", () => {
    expect(errorsOf(createShareSchema, { ...valid, showPrompts: "yes" })).toEqual([
      { field: "showPrompts", message: "showPrompts must be true or false" },
    ]);
    expect(errorsOf(createShareSchema, { ...valid, showParams: 1 })).toEqual([
      { field: "showParams", message: "showParams must be true or false" },
    ]);
    expect(errorsOf(createShareSchema, { ...valid, allowIndexing: null })).toEqual([
      { field: "allowIndexing", message: "allowIndexing must be true or false" },
    ]);
  });

  it("an unknown key is named as not a share field", () => {
    expect(errorsOf(createShareSchema, { ...valid, password: "x" })).toEqual([
      { field: "password", message: "password is not a share field" },
    ]);
  });

  it("several unknown keys are each named, as the generation form names them (lib/field-errors.ts)", () => {
    expect(errorsOf(createShareSchema, { ...valid, a: 1, b: 2 })).toEqual([
      { field: "a", message: "a is not a share field" },
      { field: "b", message: "b is not a share field" },
    ]);
  });

  it("reports one error per broken field", () => {
    const errors = errorsOf(createShareSchema, { imageIds: [], title: "", expiry: "1y" });
    expect(errors.map((e) => e.field).sort()).toEqual(["expiry", "imageIds", "title"]);
  });
});

describe("updateShareSchema", () => {
  it("accepts an empty patch and adds no defaults", () => {
    expect(updateShareSchema.parse({})).toEqual({});
  });

  it("accepts each field alone and trims the title", () => {
    expect(updateShareSchema.parse({ title: " New " })).toEqual({ title: "New" });
    expect(updateShareSchema.parse({ showPrompts: true })).toEqual({ showPrompts: true });
    expect(updateShareSchema.parse({ description: "", showParams: false, allowIndexing: true })).toEqual({
      description: "",
      showParams: false,
      allowIndexing: true,
    });
  });

  it("applies the same limits and messages as createShareSchema", () => {
    expect(errorsOf(updateShareSchema, { title: "" })).toEqual([{ field: "title", message: "title must not be empty" }]);
    expect(errorsOf(updateShareSchema, { title: "t".repeat(121) })).toEqual([
      { field: "title", message: "title must be at most 120 characters" },
    ]);
    expect(errorsOf(updateShareSchema, { description: "d".repeat(2001) })).toEqual([
      { field: "description", message: "description must be at most 2000 characters" },
    ]);
    expect(errorsOf(updateShareSchema, { showPrompts: "true" })).toEqual([
      { field: "showPrompts", message: "showPrompts must be true or false" },
    ]);
  });

  it("refuses fields a share cannot change after creation (images, expiry)", () => {
    expect(errorsOf(updateShareSchema, { imageIds: [ID] })).toEqual([{ field: "imageIds", message: "imageIds is not a share field" }]);
    expect(errorsOf(updateShareSchema, { expiry: "1d" })).toEqual([{ field: "expiry", message: "expiry is not a share field" }]);
  });
});

describe("expiryDate", () => {
  const now = new Date("2025-06-01T12:00:00.000Z");
  const DAY = 24 * 60 * 60 * 1000;

  it("never → null", () => {
    expect(expiryDate("never", now)).toBeNull();
  });

  it.each([
    ["1d", 1],
    ["7d", 7],
    ["30d", 30],
  ] as const)("%s → now + %i days", (expiry, days) => {
    expect(expiryDate(expiry, now)?.getTime()).toBe(now.getTime() + days * DAY);
  });

  it("does not change the given date", () => {
    expiryDate("30d", now);
    expect(now.toISOString()).toBe("2025-06-01T12:00:00.000Z");
  });
});
