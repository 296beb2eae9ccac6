import { describe, expect, it } from "vitest";
import { periodsAt, systemTimeZone } from "./zoned-periods";

/**
 * Calendar days and months in named zones, as instants: days of 23 and 25 hours around DST
 * changes, months that start or end on one, zones east and west of Greenwich, and zones whose
 * clocks jump at midnight (so that midnight itself does not exist on that day).
 */
const iso = (d: Date) => d.toISOString();

function periods(at: string, zone: string) {
  const p = periodsAt(new Date(at), zone);
  return { day: [iso(p.day.start), iso(p.day.end)], month: [iso(p.month.start), iso(p.month.end)] };
}

const HOUR = 3_600_000;
const dayHours = (at: string, zone: string) => {
  const { day } = periodsAt(new Date(at), zone);
  return (day.end.getTime() - day.start.getTime()) / HOUR;
};

describe("periodsAt", () => {
  it("UTC: the day and month around an instant, end exclusive", () => {
    expect(periods("2026-02-28T23:59:59.999Z", "UTC")).toEqual({
      day: ["2026-02-28T00:00:00.000Z", "2026-03-01T00:00:00.000Z"],
      month: ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"],
    });
    expect(periods("2026-03-01T00:00:00.000Z", "UTC").day).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
    // A leap year's February, and the year's last day rolling into the next year.
    expect(periods("2028-02-29T12:00:00Z", "UTC").month).toEqual(["2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"]);
    expect(periods("2026-12-31T23:00:00Z", "UTC")).toEqual({
      day: ["2026-12-31T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
      month: ["2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    });
  });

  it("America/New_York: 23- and 25-hour days at the DST changes; a UTC instant of the next day is still today there", () => {
    expect(periods("2026-03-08T12:00:00Z", "America/New_York").day).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    expect(dayHours("2026-03-08T12:00:00Z", "America/New_York")).toBe(23);
    expect(periods("2026-11-01T12:00:00Z", "America/New_York").day).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
    expect(dayHours("2026-11-01T12:00:00Z", "America/New_York")).toBe(25);
    // 03:00 UTC on 1 February is 22:00 on 31 January in New York: January's last day, January's month.
    expect(periods("2026-02-01T03:00:00Z", "America/New_York")).toEqual({
      day: ["2026-01-31T05:00:00.000Z", "2026-02-01T05:00:00.000Z"],
      month: ["2026-01-01T05:00:00.000Z", "2026-02-01T05:00:00.000Z"],
    });
    // March starts in standard time and ends in summer time.
    expect(periods("2026-03-31T23:00:00Z", "America/New_York").month).toEqual(["2026-03-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"]);
  });

  it("Europe/Berlin: the DST days and a month that changes offset inside it", () => {
    expect(periods("2026-03-29T10:00:00Z", "Europe/Berlin")).toEqual({
      day: ["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
      month: ["2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"],
    });
    expect(dayHours("2026-03-29T10:00:00Z", "Europe/Berlin")).toBe(23);
    expect(periods("2026-10-25T10:00:00Z", "Europe/Berlin")).toEqual({
      day: ["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
      month: ["2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"],
    });
    expect(dayHours("2026-10-25T10:00:00Z", "Europe/Berlin")).toBe(25);
    // 23:30 UTC on 31 December is already New Year's Day in Berlin.
    expect(periods("2026-12-31T23:30:00Z", "Europe/Berlin")).toEqual({
      day: ["2026-12-31T23:00:00.000Z", "2027-01-01T23:00:00.000Z"],
      month: ["2026-12-31T23:00:00.000Z", "2027-01-31T23:00:00.000Z"],
    });
  });

  it("Pacific/Auckland: southern summer time, a day ahead of UTC", () => {
    // DST ends on 5 April 2026 (03:00 NZDT → 02:00 NZST): a 25-hour day.
    expect(periods("2026-04-05T06:00:00Z", "Pacific/Auckland").day).toEqual(["2026-04-04T11:00:00.000Z", "2026-04-05T12:00:00.000Z"]);
    expect(dayHours("2026-04-05T06:00:00Z", "Pacific/Auckland")).toBe(25);
    // April began in summer time (+13) and ends in standard time (+12).
    expect(periods("2026-04-05T06:00:00Z", "Pacific/Auckland").month).toEqual(["2026-03-31T11:00:00.000Z", "2026-04-30T12:00:00.000Z"]);
    // DST starts on 27 September 2026 (02:00 NZST → 03:00 NZDT): a 23-hour day.
    expect(periods("2026-09-27T00:00:00Z", "Pacific/Auckland").day).toEqual(["2026-09-26T12:00:00.000Z", "2026-09-27T11:00:00.000Z"]);
    expect(dayHours("2026-09-27T00:00:00Z", "Pacific/Auckland")).toBe(23);
    // 11:30 UTC on 31 December is 00:30 on 1 January in Auckland (+13).
    expect(periods("2026-12-31T11:30:00Z", "Pacific/Auckland")).toEqual({
      day: ["2026-12-31T11:00:00.000Z", "2027-01-01T11:00:00.000Z"],
      month: ["2026-12-31T11:00:00.000Z", "2027-01-31T11:00:00.000Z"],
    });
  });

  it("where the clocks jump at midnight, the day begins at the jump and every instant is inside its own day", () => {
    // Havana, 8 March 2026: 00:00 CST becomes 01:00 CDT, so the day begins at 05:00 UTC.
    expect(periods("2026-03-08T12:00:00Z", "America/Havana").day).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    // 04:30 UTC is 23:30 on 7 March there.
    expect(periods("2026-03-08T04:30:00Z", "America/Havana").day).toEqual(["2026-03-07T05:00:00.000Z", "2026-03-08T05:00:00.000Z"]);
    // Santiago, 6 September 2026: 00:00 -04 becomes 01:00 -03; September begins on the 1st, before it.
    expect(periods("2026-09-06T03:30:00Z", "America/Santiago")).toEqual({
      day: ["2026-09-05T04:00:00.000Z", "2026-09-06T04:00:00.000Z"],
      month: ["2026-09-01T04:00:00.000Z", "2026-10-01T03:00:00.000Z"],
    });
    // Santiago goes back from 24:00 to 23:00 on 4 April 2026: that Saturday has 25 hours.
    expect(periods("2026-04-05T02:30:00Z", "America/Santiago").day).toEqual(["2026-04-04T03:00:00.000Z", "2026-04-05T04:00:00.000Z"]);
    // Beirut jumps at midnight east of Greenwich (29 March 2026, +02 → +03).
    expect(periods("2026-03-29T10:00:00Z", "Asia/Beirut").day).toEqual(["2026-03-28T22:00:00.000Z", "2026-03-29T21:00:00.000Z"]);
  });

  it("walks a year day by day: each day holds its first and last instant and the next begins where it ends", () => {
    const problems: string[] = [];
    // Jumps at midnight west and east of Greenwich, and a half-hour DST change.
    for (const zone of ["America/Havana", "Asia/Beirut", "Australia/Lord_Howe"]) {
      let start = periodsAt(new Date(Date.UTC(2026, 0, 1, 12)), zone).day.start.getTime();
      while (start < Date.UTC(2027, 0, 1)) {
        const { day, month } = periodsAt(new Date(start), zone);
        const last = periodsAt(new Date(day.end.getTime() - 1), zone).day;
        const where = `${zone}, the day from ${new Date(start).toISOString()}`;
        if (day.start.getTime() !== start) problems.push(`${where}: its first instant is in the day from ${day.start.toISOString()}`);
        if (last.start.getTime() !== day.start.getTime()) problems.push(`${where}: its last instant is in the day from ${last.start.toISOString()}`);
        if (!(month.start <= day.start && day.end <= month.end)) problems.push(`${where}: not inside its month`);
        const hours = (day.end.getTime() - day.start.getTime()) / HOUR;
        if (hours < 23 || hours > 25) problems.push(`${where}: ${hours} hours long`);
        start = Math.max(day.end.getTime(), start + HOUR);
      }
    }
    expect(problems).toEqual([]);
  });

  it("rejects an unknown zone with a RangeError; the system zone is a valid name", () => {
    expect(() => periodsAt(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => periodsAt(new Date(), systemTimeZone())).not.toThrow();
  });
});
