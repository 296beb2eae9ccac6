import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { readProcessMemory, resetPeakMemory } from "./process-memory";

const MiB = 1024 * 1024;

describe("readProcessMemory / resetPeakMemory", () => {
  it("sees another process's freed 200 MB in its peak, and the reset brings the peak down to what is resident", async () => {
    // A child that touches 200 MB, frees it (forced GC), says so, then idles.
    const child = spawn(
      process.execPath,
      ["--expose-gc", "-e", "let b = Buffer.alloc(200 * 2 ** 20, 1); b = null; gc(); console.log('freed'); setInterval(() => {}, 1000);"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await once(child.stdout!, "data");
      const before = readProcessMemory(child.pid!);
      expect(before.peakBytes - before.rssBytes).toBeGreaterThan(150 * MiB);
      if (!resetPeakMemory(child.pid!)) return; // not allowed on this system: nothing more to check
      const after = readProcessMemory(child.pid!);
      expect(after.peakBytes - after.rssBytes).toBeLessThan(16 * MiB);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("throws for a process that does not exist", () => {
    expect(() => readProcessMemory(2 ** 22 + 12345)).toThrow();
  });
});
