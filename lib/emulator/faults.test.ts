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

describe("the retire fault", () => {
  const day = new Date("2026-12-06T10:00:00Z");

  it("reads one or more models, each with an optional date (default: the day it is read)", () => {
    expect(parseFaults("retire=a-model@2026-09-30", day)).toEqual({ retire: [{ model: "a-model", on: "2026-09-30" }] });
    expect(parseFaults("retire=a,b.c@2027-01-31;retire=d", day).retire).toEqual([
      { model: "a", on: "2026-12-06" },
      { model: "b.c", on: "2027-01-31" },
      { model: "d", on: "2026-12-06" },
    ]);
  });

  it("rejects a missing id, a bad id and a day that does not exist", () => {
    expect(() => parseFaults("retire")).toThrow(/needs a model id/);
    expect(() => parseFaults("retire=bad id")).toThrow(FaultSyntaxError);
    expect(() => parseFaults("retire=a@2026-02-30")).toThrow(/not a date/);
    expect(() => parseFaults("retire=a@2026-09-30@x")).toThrow(FaultSyntaxError);
  });

  it("formats back to the same spec", () => {
    expect(formatFaults(parseFaults("retire=a@2026-09-30,b@2026-10-01;latency=5"))).toBe("retire=a@2026-09-30,b@2026-10-01;latency=5");
  });

  it("is engine state: submits see the engine's and the header's, jobs never carry it", () => {
    const state = new FaultState("retire=a@2026-09-30;latency=5");
    const submit = state.forSubmit("retire=b@2026-10-01");
    expect(submit.retired).toEqual([
      { model: "a", on: "2026-09-30" },
      { model: "b", on: "2026-10-01" },
    ]);
    expect(submit.job).toEqual({ latency: 5 });
    expect(state.retirements(undefined)).toEqual([{ model: "a", on: "2026-09-30" }]);
    state.set("");
    expect(state.forSubmit(undefined).retired).toEqual([]);
  });
});
