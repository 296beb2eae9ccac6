import { describe, expect, it } from "vitest";
import type { LedgerRow } from "@/lib/db/schema";
import { ledgerCsv } from "./ledger-csv";

/** The ledger export: RFC 4180 lines, dollars with the digits they need, no formula a spreadsheet would run. */
const JOB = "0b5e8c1e-3f47-4c1e-9a51-2f0f4d5c6a7b";

function row(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: 1,
    jobId: JOB,
    model: "amazon.nova-canvas-v1:0",
    taskType: "TEXT_IMAGE",
    kind: "settle",
    amountMicros: 120_000,
    images: 1,
    note: null,
    createdAt: new Date("2026-06-15T15:00:00.123Z"),
    ...over,
  };
}

const lines = (csv: string) => csv.split("\r\n");

describe("ledgerCsv", () => {
  it("writes a header, then one CRLF-terminated line per entry", () => {
    const csv = ledgerCsv([row(), row({ id: 2, kind: "reserve", amountMicros: 360_000, images: 3, note: "held" })]);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines(csv)).toEqual([
      "id,time,kind,job_id,model,task_type,amount_usd,images,note",
      `1,2026-06-15T15:00:00.123Z,settle,${JOB},amazon.nova-canvas-v1:0,TEXT_IMAGE,0.12,1,`,
      `2,2026-06-15T15:00:00.123Z,reserve,${JOB},amazon.nova-canvas-v1:0,TEXT_IMAGE,0.36,3,held`,
      "",
    ]);
    expect(ledgerCsv([])).toBe("id,time,kind,job_id,model,task_type,amount_usd,images,note\r\n");
  });

  it("writes amounts in dollars: at least two decimals, up to six, exact", () => {
    const amount = (amountMicros: number) => lines(ledgerCsv([row({ amountMicros })]))[1].split(",")[6];
    expect(amount(0)).toBe("0.00");
    expect(amount(120_000)).toBe("0.12");
    expect(amount(1_500_000)).toBe("1.50");
    expect(amount(8_500)).toBe("0.0085");
    expect(amount(1)).toBe("0.000001");
    expect(amount(123_456_789)).toBe("123.456789");
    expect(amount(40_000_000)).toBe("40.00");
  });

  it("quotes fields with commas, quotes or line breaks, doubling the quotes", () => {
    const csv = ledgerCsv([row({ note: 'refused: "bad prompt", retry\r\nlater', model: "a,b" })]);
    expect(csv).toBe(
      "id,time,kind,job_id,model,task_type,amount_usd,images,note\r\n" +
        `1,2026-06-15T15:00:00.123Z,settle,${JOB},"a,b",TEXT_IMAGE,0.12,1,"refused: ""bad prompt"", retry\r\nlater"\r\n`,
    );
  });

  it("prefixes a field that a spreadsheet would read as a formula with an apostrophe", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      const field = `${start}HYPERLINK("http://evil.example","x")`;
      const quoted = `"'${field.replace(/"/g, '""')}"`;
      expect(lines(ledgerCsv([row({ model: field })]))[1]).toBe(`1,2026-06-15T15:00:00.123Z,settle,${JOB},${quoted},TEXT_IMAGE,0.12,1,`);
    }
    // Without characters to quote, the apostrophe alone.
    expect(lines(ledgerCsv([row({ model: "=1+1", note: "@SUM(A1)" })]))[1]).toBe(
      `1,2026-06-15T15:00:00.123Z,settle,${JOB},'=1+1,TEXT_IMAGE,0.12,1,'@SUM(A1)`,
    );
    // A sign inside a field is not a formula.
    expect(lines(ledgerCsv([row({ note: "a-b=c" })]))[1].endsWith(",a-b=c")).toBe(true);
  });
});
