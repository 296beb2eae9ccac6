/**
 * Calendar days and months in a named time zone, as instants. The spending caps and the spend
 * summary count in the server's configured zone (`TZ`), and both databases get the boundaries
 * from here (not from SQL), so PGlite and PostgreSQL agree whatever time-zone data each carries.
 */
export interface Period {
  start: Date;
  /** Exclusive: the next period's start. */
  end: Date;
}

export interface ZonedPeriods {
  day: Period;
  month: Period;
}

/**
 * The last answer per zone: every Run asks (the caps), and working a day out in a zone formats
 * dates several times, which cost more than the rest of the cap check. A day is one answer.
 */
const lastPeriods = new Map<string, ZonedPeriods>();

/** The day and the month that contain `now` in `timeZone`. Throws RangeError for an unknown zone. */
export function periodsAt(now: Date, timeZone: string): ZonedPeriods {
  const t = now.getTime();
  let periods = lastPeriods.get(timeZone);
  if (!periods || t < periods.day.start.getTime() || t >= periods.day.end.getTime()) {
    const { y, m, d } = zonedParts(t, timeZone);
    periods = {
      day: { start: zonedMidnight(y, m, d, timeZone), end: zonedMidnight(y, m, d + 1, timeZone) },
      month: { start: zonedMidnight(y, m, 1, timeZone), end: zonedMidnight(y, m + 1, 1, timeZone) },
    };
    lastPeriods.set(timeZone, periods);
  }
  // Copies: a caller may keep or change its dates.
  const copy = (p: Period): Period => ({ start: new Date(p.start), end: new Date(p.end) });
  return { day: copy(periods.day), month: copy(periods.month) };
}

let systemZone: string | undefined;

/**
 * The zone this process runs in when none is configured, resolved once: resolving it builds a
 * formatter, which cost more than the rest of a Run's cap check, and the app never changes its
 * process's zone while it runs (a configured one comes from lib/env.ts, `spendTimeZone`).
 */
export function systemTimeZone(): string {
  systemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  return systemZone;
}

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** One formatter per zone: building one costs far more than using it (periodsAt runs per Run). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function zonedParts(instant: number, timeZone: string): Parts {
  const p = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight of y-m-d begins in `timeZone` (day/month overflow rolls over). */
function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetAt(wall, timeZone);
  // The offset at the guessed instant can differ across a DST change; one correction suffices.
  const corrected = wall - offsetAt(first, timeZone);
  // Where the clocks jump from 00:00 to 01:00 (Havana, Santiago), midnight does not exist and the
  // correction lands an hour before the jump, still on the day before; the day begins at the jump,
  // which is the first guess.
  return new Date(zonedParts(corrected, timeZone).d === new Date(wall).getUTCDate() ? corrected : first);
}
