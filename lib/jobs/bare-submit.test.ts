import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { setTestEnv } from "@/lib/testing/test-env";
import { bareSubmit } from "./bare-submit";

/** The benchmarks' reference route (bare-submit.ts) is not there unless the bench turns it on. */
describe("bareSubmit", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it.each([undefined, "", "0", "false"])("answers 404 with BENCH_BARE_ROUTE=%s, whatever the body", async (flag) => {
    restore = setTestEnv({ BENCH_BARE_ROUTE: flag });
    for (const body of [{ model: "any-model", task_type: "TEXT_IMAGE" }, [], "x", null]) {
      const err = await bareSubmit(body).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "not_found", status: 404 });
    }
  });

  it("turned on, refuses a body that is not a JSON object before sending anything (422)", async () => {
    restore = setTestEnv({ BENCH_BARE_ROUTE: "1" });
    for (const body of [[], "x", null, 3]) {
      await expect(bareSubmit(body)).rejects.toMatchObject({ code: "validation_failed", status: 422 });
    }
  });
});
