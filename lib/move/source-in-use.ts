import "server-only";
import { readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";
import { redactUrlsIn } from "@/lib/move/redact-url";

export interface Holder {
  pid: number;
  command: string;
}

/**
 * Processes that have files of the embedded database open. PGlite has no lock of its own: a
 * second process opening the folder goes ahead and both then write to it (it keeps a
 * `postmaster.pid`, but the first one to close removes it for everyone). A running app holds the
 * folder's relation files open, so on Linux `/proc/<pid>/fd` shows it. Returns null where there
 * is no /proc to look in (the caller says so instead of promising anything).
 */
export async function processesHolding(dir: string): Promise<Holder[] | null> {
  let pids: string[];
  try {
    pids = (await readdir("/proc")).filter((n) => /^\d+$/.test(n));
  } catch {
    return null;
  }
  const root = path.resolve(dir) + path.sep;
  const holders: Holder[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's (not readable: not ours to worry about)
    }
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      if (target.startsWith(root)) {
        holders.push({ pid: Number(pid), command: await commandOf(pid) });
        break;
      }
    }
  }
  return holders;
}

async function commandOf(pid: string): Promise<string> {
  const raw = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  const line = redactUrlsIn(raw.split("\0").filter(Boolean).join(" ").replace(/\s+/g, " "));
  return line.length > 120 ? `${line.slice(0, 117)}...` : line || "?";
}
