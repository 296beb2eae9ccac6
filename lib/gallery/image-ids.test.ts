import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { parseImageIds } from "@/lib/gallery/image-ids";

describe("parseImageIds", () => {
  const A = "0b5e3c1a-7d2f-4e8a-9c41-2f6d8e0a1b3c";
  const B = "9f8e7d6c-5b4a-4321-8fed-cba987654321";

  function failure(raw: unknown): AppError {
    try {
      parseImageIds(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    }
    throw new Error(`parseImageIds accepted ${JSON.stringify(raw)}`);
  }

  it("takes a list or a comma-separated string", () => {
    expect(parseImageIds([A, B])).toEqual([A, B]);
    expect(parseImageIds(`${A},${B}`)).toEqual([A, B]);
    expect(parseImageIds(` ${A} , ${B} ,`)).toEqual([A, B]);
    expect(parseImageIds(A)).toEqual([A]);
  });

  it("lower-cases and removes repeats, keeping the first order", () => {
    expect(parseImageIds([B.toUpperCase(), A, B, A.toUpperCase()])).toEqual([B, A]);
    expect(parseImageIds(`${A.toUpperCase()},${A}`)).toEqual([A]);
  });

  it("takes 500 ids and refuses 501 with a message naming the limit", () => {
    const ids = Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
    expect(BULK_MAX_IMAGES).toBe(500);
    expect(parseImageIds(ids.slice(0, 500))).toHaveLength(500);
    // 500 distinct + repeats is still 500.
    expect(parseImageIds([...ids.slice(0, 500), ids[0], ids[1].toUpperCase()])).toHaveLength(500);
    const err = failure(ids);
    expect(err.message).toBe("imageIds must name at most 500 images (got 501)");
    expect(err.code).toBe("validation_failed");
    expect(err.fields).toEqual([{ field: "imageIds", message: "imageIds must name at most 500 images (got 501)" }]);
    expect(failure(ids.join(",")).message).toBe("imageIds must name at most 500 images (got 501)");
  });

  it("refuses a bad id, an empty list and a value that is not a list", () => {
    const bad = failure([A, "not-a-uuid"]);
    expect(bad.message).toBe('imageIds holds "not-a-uuid", which is not an image id');
    expect(bad.fields).toEqual([{ field: "imageIds", message: bad.message }]);
    expect(failure(`${A},${B}x`).message).toBe(`imageIds holds "${B}x", which is not an image id`);
    expect(failure(`${A.slice(0, -1)}g`).message).toContain("which is not an image id");
    expect(failure([]).message).toBe("imageIds must name at least 1 image");
    expect(failure(" , ,").message).toBe("imageIds must name at least 1 image");
    expect(failure(42).message).toBe("imageIds must be a list of image ids");
    expect(failure({ ids: [A] }).message).toBe("imageIds must be a list of image ids");
    expect(failure(undefined).fields).toEqual([{ field: "imageIds", message: "imageIds must be a list of image ids" }]);
  });

  // Found by the attacker's run: String({ toString: 1 }) threw, and the route answered 500.
  it("refuses an item that is not text, naming the field and the item", () => {
    const err = failure([A, { toString: 1 }]);
    expect(err.message).toBe("imageIds[1] must be an image id as text (got a object)");
    expect(err.status).toBe(422);
    expect(err.fields).toEqual([{ field: "imageIds", message: err.message }]);
    expect(failure([42]).message).toBe("imageIds[0] must be an image id as text (got 42)");
    expect(failure([null, A]).message).toBe("imageIds[0] must be an image id as text (got null)");
    expect(failure([[A]]).message).toBe("imageIds[0] must be an image id as text (got a list)");
  });

  it("quotes a bad id safely and briefly", () => {
    expect(failure(["a\u0000b"]).message).toBe('imageIds holds "a\\u0000b", which is not an image id');
    expect(failure(["x".repeat(100)]).message).toBe(`imageIds holds "${"x".repeat(39)}…", which is not an image id`);
  });
});
