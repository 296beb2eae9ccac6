import { describe, expect, it } from "vitest";
import { parseIdempotencyKey } from "./idempotency-key";

/** The Idempotency-Key header: absent is no key; 1–255 printable ASCII characters without spaces. */
describe("parseIdempotencyKey", () => {
  it("takes a UUID, any printable ASCII, and up to 255 characters", () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey("3f2b8c1e-9a51-4c1e-8f0f-4d5c6a7b0b5e")).toBe("3f2b8c1e-9a51-4c1e-8f0f-4d5c6a7b0b5e");
    expect(parseIdempotencyKey("!~{}\"'/\\:;")).toBe("!~{}\"'/\\:;");
    expect(parseIdempotencyKey("k")).toBe("k");
    expect(parseIdempotencyKey("x".repeat(255))).toBe("x".repeat(255));
  });

  it("refuses an empty, long, spaced or non-ASCII key, naming the header", () => {
    for (const bad of ["", "x".repeat(256), "two words", " lead", "tab\there", "caf\u00e9", "line\nbreak", "nul\u0000", "del\u007f"]) {
      let error: unknown;
      try {
        parseIdempotencyKey(bad);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(bad)).toMatchObject({
        code: "validation_failed",
        status: 422,
        fields: [{ field: "Idempotency-Key", message: "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces" }],
      });
    }
  });
});
