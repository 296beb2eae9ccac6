import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isCursorTimestamp } from "@/lib/db/gallery-cursor";
import { AppError } from "@/lib/errors";

const ID = "6f9619ff-8b86-4d11-b42d-00c04fc964ff";
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function rejection(cursor: string): AppError {
  try {
    decodeCursor(cursor);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${cursor} to be refused`);
}

describe("isCursorTimestamp", () => {
  it("accepts what Postgres prints, on real days and times", () => {
    for (const t of ["2026-03-10T12:34:56.123456Z", "2024-02-29T00:00:00.000000Z", "0001-01-01T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z"]) {
      expect(isCursorTimestamp(t), t).toBe(true);
    }
  });

  // Found by the attacker's run: 2024-02-30 matched the old pattern and failed the query with a 500.
  it("refuses impossible days and times, and other formats", () => {
    for (const t of [
      "2024-02-30T00:00:00.000000Z",
      "2023-02-29T00:00:00.000000Z",
      "0000-01-01T00:00:00.000000Z",
      "2026-13-01T00:00:00.000000Z",
      "2026-03-10T24:00:00.000000Z",
      "2026-03-10T12:60:00.000000Z",
      "2026-03-10T12:00:60.000000Z",
      "2026-03-10T12:00:00.000Z",
      "+010000-01-01T00:00:00.000000Z",
      "2026-03-10T12:00:00.000000Z\u0000",
    ]) {
      expect(isCursorTimestamp(t), t).toBe(false);
    }
  });
});

describe("decodeCursor", () => {
  it("reads back what encodeCursor wrote", () => {
    const cursor = { t: "2026-03-10T12:34:56.123456Z", id: ID, s: "cost" as const, c: 120000 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["an impossible timestamp", raw({ t: "2024-02-30T00:00:00.000000Z", id: ID })],
    ["a malformed id", raw({ t: "2026-03-10T12:34:56.123456Z", id: "x" })],
    ["an unknown sort", raw({ t: "2026-03-10T12:34:56.123456Z", id: ID, s: "random" })],
    ["a cost beyond a safe integer", raw({ t: "2026-03-10T12:34:56.123456Z", id: ID, c: 1e20 })],
    ["JSON that is not an object", raw(["2026-03-10T12:34:56.123456Z", ID])],
    ["JSON null", raw(null)],
    ["bytes that are not JSON", Buffer.from([0xff, 0xfe, 0x00]).toString("base64url")],
    ["text that is not base64url", "%ff%fe"],
    ["an empty string", ""],
  ])("refuses %s with a 422 naming cursor", (_name, cursor) => {
    const e = rejection(cursor);
    expect(e.status).toBe(422);
    expect(e.fields).toEqual([{ field: "cursor", message: "cursor is not valid" }]);
  });
});
