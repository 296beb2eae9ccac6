import type { ApiBudget, ApiJob } from "@/lib/api-types";
import { formatDollars, formatTime } from "@/lib/display/format";

/** "1 run", "3 runs". */
export const countOf = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/**
 * A rough wait, as rough as the queue's own estimate: "in about 40 s" (up in 5 s steps, so it
 * does not flicker every second), "in about 3 min", or "soon" once it is due.
 */
export function describeWait(ms: number): string {
  if (ms <= 0) return "soon";
  const s = Math.ceil(ms / 5000) * 5;
  if (s < 60) return `in about ${s} s`;
  const min = Math.round(ms / 60_000);
  return min < 60 ? `in about ${min} min` : `in about ${Math.round(min / 60)} h`;
}

/** A waiting run's place: "3rd in line · starts in about 40 s". */
export function describeQueuePlace(queue: NonNullable<ApiJob["queue"]>, now: number): string {
  const start = queue.estimatedStartAt === null ? Number.NaN : Date.parse(queue.estimatedStartAt);
  const when = Number.isFinite(start) ? ` · starts ${describeWait(start - now)}` : "";
  return `${ordinal(queue.position)} in line${when}`;
}

/** The run bar's budget line: "12 requests left this minute · 3 runs waiting · 1 run in flight". */
export function describeRequestBudget(budget: ApiBudget, now: number): string {
  const { requests, queue } = budget;
  const blocked = requests.blockedUntil !== null && Date.parse(requests.blockedUntil) > now;
  const parts = [
    blocked
      ? `The gateway asked for a pause: nothing is sent until ${formatTime(requests.blockedUntil!)}`
      : `${countOf(requests.left, "request")} left this minute`,
  ];
  if (queue.waiting > 0) parts.push(`${countOf(queue.waiting, "run")} waiting`);
  if (queue.inFlight > 0) parts.push(`${countOf(queue.inFlight, "run")} in flight`);
  return parts.join(" · ");
}

/** "$0.88 left today", "$4.20 left this month". */
export function describeLeft(cap: { period: "day" | "month"; leftUsd: number }): string {
  return `${formatDollars(cap.leftUsd)} left ${cap.period === "day" ? "today" : "this month"}`;
}
