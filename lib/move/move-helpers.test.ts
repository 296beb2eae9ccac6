import { describe, expect, it } from "vitest";
import { parseMoveArgs } from "@/lib/move/cli-args";
import { eachLimit } from "@/lib/move/each-limit";
import { redactUrl, redactUrlsIn, scrubPassword } from "@/lib/move/redact-url";
import { missingFrom } from "@/lib/move/row-hashes";

describe("redacting database URLs", () => {
  it("hides the password in the user part and in query parameters, keeps the rest", () => {
    expect(redactUrl("postgres://nova:s3cr%40t@db.example.com:5432/nova")).toBe("postgres://nova:***@db.example.com:5432/nova");
    expect(redactUrl("postgres://db.example.com/nova?user=nova&password=hunter22&sslmode=require")).toBe(
      "postgres://db.example.com/nova?user=nova&password=***&sslmode=require",
    );
    expect(redactUrl("postgres://nova@db/nova")).toBe("postgres://nova@db/nova");
  });

  it("in free text and error messages, raw or decoded", () => {
    expect(redactUrlsIn("tsx scripts/move.ts --to-database postgres://u:pa55word@h/db --to-s3")).toBe("tsx scripts/move.ts --to-database postgres://u:***@h/db --to-s3");
    expect(scrubPassword('password authentication failed near "s3cr@t"', "postgres://u:s3cr%40t@h/db")).toBe('password authentication failed near "***"');
  });
});

describe("the command line", () => {
  it("takes a database URL, --to-s3 and --into-non-empty", () => {
    expect(parseMoveArgs(["--to-database", "postgres://h/db", "--to-s3"])).toEqual({ toDatabase: "postgres://h/db", toS3: true, intoNonEmpty: false, help: false });
    expect(parseMoveArgs(["--to-s3", "--into-non-empty"])).toMatchObject({ toDatabase: undefined, toS3: true, intoNonEmpty: true });
  });

  it("refuses nothing to do, a URL that is not PostgreSQL's, and unknown options", () => {
    expect(() => parseMoveArgs([])).toThrow(/--to-database postgres:\/\/… and\/or --to-s3/);
    expect(() => parseMoveArgs(["--to-database", "mysql://h/db"])).toThrow(/postgres:\/\/ URL/);
    expect(() => parseMoveArgs(["--to-s4"])).toThrow();
  });
});

it("missingFrom counts what one sorted list has that the other lacks, repeats included", () => {
  expect(missingFrom(["a", "b", "b", "d"], ["b", "c", "d"])).toBe(2);
  expect(missingFrom([], ["a"])).toBe(0);
  expect(missingFrom(["a"], [])).toBe(1);
});

describe("eachLimit", () => {
  it("never runs more than the limit at once and visits every item", async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      seen.push(n);
      running--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("on an error starts nothing new and returns only after those in flight have ended", async () => {
    let running = 0;
    const started: number[] = [];
    const run = eachLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      running++;
      started.push(n);
      try {
        await new Promise((r) => setImmediate(r));
        if (n === 2) throw new Error("boom");
        await new Promise((r) => setImmediate(r));
      } finally {
        running--;
      }
    });
    await expect(run).rejects.toThrow("boom");
    expect(running).toBe(0); // nothing still writing once the call has returned
    expect(started).toEqual([1, 2]); // 1 was in flight when 2 failed; nothing started after
  });
});
