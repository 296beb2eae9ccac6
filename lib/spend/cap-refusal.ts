import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/models/money";
import type { PeriodSpend } from "@/lib/db/ledger-queries";

/**
 * The 402 a run gets when its maximum cost does not fit a cap: the cap, what is spent and held,
 * what the run needs, and what to do about it, so the person can act without opening Settings
 * first. `resetsAt` is when the period ends in the caps' time zone.
 */
export function capRefusal(input: {
  period: "day" | "month";
  capMicros: number;
  spend: PeriodSpend;
  needMicros: number;
  resetsAt: Date;
  timeZone: string;
  /** What asks for the money: "This run" unless said ("This sweep of 9 runs"). */
  subject?: string;
}): AppError {
  const { period, capMicros, spend, needMicros } = input;
  const spent = period === "day" ? spend.daySpentMicros : spend.monthSpentMicros;
  const left = Math.max(0, capMicros - spent - spend.reservedMicros);
  const when = period === "day" ? "today" : "this month";
  const reset = new Intl.DateTimeFormat("en-GB", {
    timeZone: input.timeZone,
    dateStyle: period === "day" ? undefined : "medium",
    timeStyle: "short",
  }).format(input.resetsAt);
  return new AppError(
    "spend_cap_reached",
    `${input.subject ?? "This run"} needs up to ${formatUsd(needMicros)}, but the ${period === "day" ? "daily" : "monthly"} spending cap is ${formatUsd(capMicros)}: ` +
      `${formatUsd(spent)} is spent ${when} and ${formatUsd(spend.reservedMicros)} is reserved for runs not yet finished, so ${formatUsd(left)} is left. ` +
      `Raise the cap in Settings, or wait until it resets at ${reset} (${input.timeZone}).`,
  );
}
