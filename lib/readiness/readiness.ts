import "server-only";
import type { ApiReadiness } from "@/lib/api-types";
import { isOwner } from "@/lib/auth/access";
import { getDb } from "@/lib/db/client";
import { migrationStatus } from "@/lib/db/migration-status";
import { runtimeState } from "@/lib/jobs/runtime-state";
import { isShuttingDown } from "@/lib/lifecycle/shutdown";
import { log, redact } from "@/lib/log";
import { getBlobStore } from "@/lib/storage";

/**
 * GET /api/ready (README.md, "Operations"; liveness is health.ts): whether this instance can
 * serve. The database answers and has every migration this build ships, the blob store can be
 * written, the runtime (queue, tracker, upstream) is up, and the process is not stopping. It is
 * public, for probes without a session, so what a visitor learns is kept to the name of each
 * check that failed ("storage: not ready"); the owner (no password, or signed in) also gets why,
 * and the log gets it whenever the answer changes. No detail carries a secret or a URL's
 * credentials.
 */

interface Failure {
  /** What failed, for anyone: a fixed phrase. */
  reason: string;
  /** Why, for the owner and the log. */
  detail?: string;
}

/** Each check answers within this, or counts as failed: a probe must not hang on a dead database. */
const CHECK_MS = 2500;

export async function readiness(cookieHeader: string | null): Promise<ApiReadiness> {
  if (isShuttingDown()) return { ready: false, reasons: ["shutting down"] };
  const failures = (await Promise.all([checkDatabase(), checkStorage(), checkRuntime()])).flat();
  noteChange(failures);
  if (failures.length === 0) return { ready: true };
  const owner = await within(CHECK_MS, isOwner(cookieHeader)).catch(() => false);
  return { ready: false, reasons: failures.map((f) => (owner && f.detail ? `${f.reason} (${f.detail})` : f.reason)) };
}

async function checkDatabase(): Promise<Failure[]> {
  let status;
  try {
    // A real query: it proves the database answers, not only that a handle was once opened.
    status = await within(CHECK_MS, getDb().then((db) => migrationStatus(db)));
  } catch (e) {
    return [{ reason: "database: not answering", detail: safeText(e) }];
  }
  if (status.pending.length === 0) return [];
  return [{ reason: `migrations: ${status.pending.length} of ${status.total} not applied`, detail: status.pending.join(", ") }];
}

async function checkStorage(): Promise<Failure[]> {
  try {
    await within(CHECK_MS, getBlobStore().checkReady());
    return [];
  } catch (e) {
    return [{ reason: "storage: not ready", detail: safeText(e) }];
  }
}

function checkRuntime(): Failure[] {
  const state = runtimeState();
  if (state === "booted") return [];
  if (state === "not started") {
    // Its boot failed (or never ran): each probe tries again, as a request needing it would.
    // Loaded only then: the runtime's code stays out of this route's bundle (runtime-state.ts).
    import("@/lib/jobs/runtime")
      .then(({ getRuntime }) => getRuntime())
      .catch((error) => log("error", "runtime.boot_failed", { error }));
  }
  return [{ reason: state === "booting" ? "runtime: starting" : "runtime: not started" }];
}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** An error's message without secrets or the credentials of a URL (`postgres://user:pass@…`). */
function safeText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return redact(message.replace(/(\/\/)[^\s/@]*@/g, "$1***@")).slice(0, 300);
}

// What was last logged, so a probe every second logs a line only when the answer changes.
const LAST = Symbol.for("nova-playground.readiness-last");
const holder = globalThis as typeof globalThis & { [LAST]?: string };

function noteChange(failures: Failure[]): void {
  const reasons = failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason));
  const key = JSON.stringify(reasons);
  if (holder[LAST] === key) return;
  holder[LAST] = key;
  log("info", "ready.changed", { ready: reasons.length === 0, reasons });
}
