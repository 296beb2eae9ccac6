import { describe, expect, it } from "vitest";
import { ShutdownSequence, type ShutdownPhase } from "./shutdown";

/** The order a process stops in: phase by phase, each bounded, nothing run twice. */
describe("shutdown sequence", () => {
  const quick: Partial<Record<ShutdownPhase, number>> = { stop: 100, release: 100, disconnect: 100, close: 100 };

  it("runs the phases in their order, whatever order the steps were registered in; a phase's steps together", async () => {
    const seq = new ShutdownSequence({ limitsMs: quick });
    const seen: string[] = [];
    const step = (name: string, phase: ShutdownPhase, ms = 0) =>
      seq.register({ name, phase, run: () => new Promise<void>((r) => setTimeout(() => (seen.push(name), r()), ms)) });
    step("database", "close");
    step("bus", "disconnect");
    step("leases", "release");
    step("tracker (slower)", "stop", 30);
    step("stream", "stop", 0);
    const report = await seq.run("SIGTERM");
    expect(seen).toEqual(["stream", "tracker (slower)", "leases", "bus", "database"]);
    expect(report.unfinished).toEqual([]);
    expect(report.reason).toBe("SIGTERM");
  });

  it("leaves a phase that overruns behind, names what was still running, and goes on", async () => {
    const logged: { event: string; fields?: Record<string, unknown> }[] = [];
    const seq = new ShutdownSequence({ limitsMs: { ...quick, stop: 50 }, log: (_l, event, fields) => logged.push({ event, fields }) });
    const seen: string[] = [];
    seq.register({ name: "a pass that never ends", phase: "stop", run: () => new Promise(() => {}) });
    seq.register({ name: "quick stop", phase: "stop", run: () => void seen.push("quick stop") });
    seq.register({ name: "leases", phase: "release", run: () => void seen.push("leases") });
    const report = await seq.run("SIGTERM");
    expect(seen).toEqual(["quick stop", "leases"]);
    expect(report.unfinished).toEqual(["a pass that never ends"]);
    expect(logged.find((l) => l.event === "shutdown.phase_overran")?.fields).toMatchObject({ phase: "stop", still: ["a pass that never ends"] });
  });

  it("a failing step is logged and named; the steps after it still run", async () => {
    const seq = new ShutdownSequence({ limitsMs: quick });
    const seen: string[] = [];
    seq.register({ name: "broken", phase: "stop", run: () => Promise.reject(new Error("boom")) });
    seq.register({ name: "database", phase: "close", run: () => void seen.push("database") });
    expect((await seq.run("SIGINT")).unfinished).toEqual(["broken"]);
    expect(seen).toEqual(["database"]);
  });

  it("runs once: a second signal gets the same drain; steps removed or added in time are honoured", async () => {
    const seq = new ShutdownSequence({ limitsMs: quick });
    let runs = 0;
    const remove = seq.register({ name: "a stream that ended by itself", phase: "stop", run: () => void (runs += 100) });
    remove();
    seq.register({
      name: "tracker",
      phase: "stop",
      // A step of a later phase registered while this one runs (a stream opened meanwhile) runs in its phase.
      run: () => void seq.register({ name: "late", phase: "close", run: () => void (runs += 10) }),
    });
    seq.register({ name: "db", phase: "close", run: () => void (runs += 1) });
    expect(seq.started).toBe(false);
    const [a, b] = await Promise.all([seq.run("SIGTERM"), seq.run("SIGTERM")]);
    expect(a).toBe(b);
    expect(seq.started).toBe(true);
    expect(runs).toBe(11);
  });
});
