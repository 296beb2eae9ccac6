import os from "node:os";

/** Output helpers: aligned tables and one-line budget verdicts. */
export interface BudgetCheck {
  label: string;
  ok: boolean;
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : "n/a";
}

export function heading(title: string): void {
  console.log(`\n=== ${title} ===`);
}

export function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  for (const [k, row] of cells.entries()) {
    console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

/** Prints `BUDGET <label>: <measured> (limit <limit>) PASS|FAIL` and returns the verdict. */
export function budget(label: string, measured: string, limit: string, ok: boolean): BudgetCheck {
  console.log(`BUDGET ${label}: ${measured} (budget ${limit}) ${ok ? "PASS" : "FAIL"}`);
  return { label, ok };
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${new Date().toISOString()} · node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus.length} cores (${cpus[0]?.model.trim() ?? "?"}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}

export function loadLine(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}
