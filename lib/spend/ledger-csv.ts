import type { LedgerRow } from "@/lib/db/schema";
import { microsToUsd } from "@/lib/models/money";

/**
 * The ledger as RFC 4180 CSV: one line per entry, amounts in US dollars. A field that starts like
 * a formula (= + - @) is prefixed with an apostrophe, so a spreadsheet opening the file shows
 * text instead of running it (model ids and notes are not ours to trust).
 */
const HEADER = ["id", "time", "kind", "job_id", "model", "task_type", "amount_usd", "images", "note"];

export function ledgerCsv(rows: readonly LedgerRow[]): string {
  const lines = [HEADER.join(",")];
  for (const r of rows) {
    lines.push(
      [
        String(r.id),
        r.createdAt.toISOString(),
        r.kind,
        r.jobId,
        r.model,
        r.taskType,
        microsToUsd(r.amountMicros).toFixed(6).replace(/0{1,4}$/, ""),
        String(r.images),
        r.note ?? "",
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
