/**
 * What finished while this tab was hidden, as a pure reducer (issue 12, "being told"): the
 * notifier feeds it every run (and, later, every sweep) that ends, and each time the tab is seen
 * again. Only what took longer than LONG_RUN_MS and ended while the tab was hidden is worth a
 * word: a short run is still on screen when the person looks back, and one that ended in view
 * was seen ending. A sweep (many runs) is fed in as one item and counts once.
 */
import { formatElapsed } from "@/lib/display/format";

export const LONG_RUN_MS = 10_000;

export interface FinishedItem {
  /** Unique per thing told about ("run:<id>", "sweep:<id>"), so a report that comes twice counts once. */
  key: string;
  kind: "run" | "sweep";
  /** False when it failed. */
  ok: boolean;
  /** From its creation to its end. */
  tookMs: number;
  /** What a person recognises it by: the prompt, shortened, or the sweep's name. */
  label: string;
}

export interface Unseen {
  /** Finished while hidden, not seen yet, oldest first: the title's count. */
  items: readonly FinishedItem[];
  /** Every key counted so far in this tab. */
  counted: ReadonlySet<string>;
}

export type FinishEvent =
  | { type: "finished"; item: FinishedItem; hidden: boolean }
  /** The tab became visible: everything in it has been seen. */
  | { type: "seen" };

export const NOTHING_UNSEEN: Unseen = { items: [], counted: new Set() };

/** A finished item is worth telling about when it was long and the tab was hidden as it ended. */
export function worthTelling(item: FinishedItem, hidden: boolean): boolean {
  return hidden && item.tookMs > LONG_RUN_MS;
}

/** The next state; the same object when nothing changed (so a caller can tell). */
export function reduceUnseen(state: Unseen, event: FinishEvent): Unseen {
  if (event.type === "seen") return state.items.length === 0 ? state : { ...state, items: [] };
  const { item, hidden } = event;
  if (!worthTelling(item, hidden) || state.counted.has(item.key)) return state;
  return { items: [...state.items, item], counted: new Set(state.counted).add(item.key) };
}

const COUNT_PREFIX = /^\(\d+\) /;

/** "(2) Nova Canvas Playground": the count before the page's own title; no count at 0. */
export function titleWithCount(title: string, count: number): string {
  const base = title.replace(COUNT_PREFIX, "");
  return count > 0 ? `(${count}) ${base}` : base;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The system notification for what is unseen (one notification, replaced as more finishes):
 * "Run finished after 14 s" with the prompt, or "3 runs finished (1 failed)" with the newest's.
 */
export function notificationText(items: readonly FinishedItem[]): { title: string; body: string } {
  const last = items.at(-1);
  if (!last) return { title: "", body: "" };
  if (items.length === 1) {
    const what = last.kind === "run" ? "Run" : "Sweep";
    return { title: `${what} ${last.ok ? "finished" : "failed"} after ${formatElapsed(last.tookMs)}`, body: last.label };
  }
  const runs = items.filter((i) => i.kind === "run").length;
  const sweeps = items.length - runs;
  const failed = items.filter((i) => !i.ok).length;
  const what = [runs > 0 ? plural(runs, "run") : "", sweeps > 0 ? plural(sweeps, "sweep") : ""].filter(Boolean).join(" and ");
  return { title: `${what} finished${failed > 0 ? ` (${failed} failed)` : ""}`, body: `Latest: ${last.label}` };
}
