import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (user + system, ms) used so far by every live process of a process group, from
 * /proc (Linux only; null elsewhere). Unlike latency it barely depends on what else the
 * machine is running, so it is the steadier figure on a shared box. Assumes USER_HZ = 100, the
 * value on every Linux build Node supports.
 */
const TICK_MS = 10;

export function groupCpuMs(pgid: number | undefined): number | null {
  if (pgid === undefined) return null;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(rest[2]) !== pgid) continue;
    ticks += Number(rest[11]) + Number(rest[12]);
  }
  return ticks * TICK_MS;
}
