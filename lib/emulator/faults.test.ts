import { describe, expect, it } from "vitest";
import { FaultState } from "@/lib/emulator/fault-state";
import { DEFAULT_FAIL_MESSAGE, formatFaults, FaultSyntaxError, parseFaults } from "@/lib/emulator/faults";

describe("parseFaults", () => {
  it("reads every key", () => {
    expect(
      parseFaults(" latency=500; fail=bad = worse ;block=2;submit429=1;submit500=2;submit402=1;poll429=3;poll500=1;retry_after=7;expire;tag=x "),
    ).toEqual({
      latency: 500,
      fail: "bad = worse",
      block: 2,
      submit429: 1,
      submit500: 2,
      submit402: 1,
      poll429: 3,
      poll500: 1,
      retry_after: 7,
      expire: true,
      tag: "x",
    });
  });

  it("treats empty as no faults and a bare fail as the default message", () => {
    expect(parseFaults("")).toEqual({});
    expect(parseFaults(" ; ")).toEqual({});
    expect(parseFaults("fail")).toEqual({ fail: DEFAULT_FAIL_MESSAGE });
  });

  it("rejects unknown keys and non-numbers with a message naming them", () => {
    expect(() => parseFaults("boom=1")).toThrow(FaultSyntaxError);
    expect(() => parseFaults("boom=1")).toThrow(/boom/);
    expect(() => parseFaults("latency=fast")).toThrow(/latency/);
    expect(() => parseFaults("block=-1")).toThrow(FaultSyntaxError);
  });

  it("formats back to the same spec", () => {
    expect(formatFaults(parseFaults("latency=5;expire"))).toBe("latency=5;expire");
  });
});

describe("FaultState", () => {
  it("counts engine-wide submit faults down, 402 then 429 then 500", () => {
    const state = new FaultState("submit500=1;submit429=1;submit402=1");
    expect([1, 2, 3, 4].map(() => state.forSubmit(undefined).refuse?.status)).toEqual([402, 429, 500, undefined]);
  });

  it("merges the header over the engine-wide spec for the job", () => {
    const state = new FaultState("latency=100;block=1");
    expect(state.forSubmit("block=2;expire").job).toEqual({ latency: 100, block: 2, expire: true });
  });

  it("set() clears counters and armed headers", () => {
    const state = new FaultState("");
    expect(state.forSubmit("submit429=1").refuse?.status).toBe(429);
    expect(state.forSubmit("submit429=1").refuse).toBeUndefined();
    state.set("");
    expect(state.forSubmit("submit429=1").refuse?.status).toBe(429);
  });
});
