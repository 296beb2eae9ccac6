import { readFileSync, writeFileSync } from "node:fs";

/**
 * Memory of another process on Linux, from /proc/<pid>/status: VmRSS (resident now) and VmHWM
 * (the most it was resident, its "high water mark"). For the hostile-image benchmark and the
 * security e2e suite, which measure the app server's growth around a request.
 */
export interface ProcessMemory {
  rssBytes: number;
  peakBytes: number;
}

export function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${name} line`);
    return Number(m[1]) * 1024;
  };
  return { rssBytes: kib("VmRSS"), peakBytes: kib("VmHWM") };
}

/**
 * Resets VmHWM to the current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux 4.0+), so the next
 * peak belongs to what happens next rather than to start-up. Returns false where this is not
 * allowed; the peak then still bounds the growth from above.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

export const mib = (bytes: number) => bytes / (1024 * 1024);
