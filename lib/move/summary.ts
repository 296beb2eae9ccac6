import type { MoveResult } from "@/lib/move/run-move";

/** The verification summary `npm run move` prints at the end: what was checked, and the verdict. */
export function summaryLines(r: MoveResult): string[] {
  const out: string[] = [];
  if (r.tables.length > 0) {
    const width = Math.max(...r.tables.map((t) => t.table.length));
    out.push(`${"table".padEnd(width)}  ${"source".padStart(7)}  ${"target".padStart(7)}  ${"new".padStart(7)}  rows digest        check`);
    for (const t of r.tables) {
      const copy = r.copies.find((c) => c.table === t.table);
      const verdict = t.missing > 0 ? `${t.missing} missing or different` : t.extra > 0 ? `ok (+${t.extra} of the target's own)` : "ok";
      out.push(`${t.table.padEnd(width)}  ${String(t.source).padStart(7)}  ${String(t.target).padStart(7)}  ${String(copy?.inserted ?? 0).padStart(7)}  ${t.digest}  ${verdict}`);
    }
    const rows = r.tables.reduce((n, t) => n + t.source, 0);
    out.push(`rows: ${rows} in ${r.tables.length} tables, ${r.copies.reduce((n, c) => n + c.inserted, 0)} written by this run`);
  }
  for (const s of r.sequences) out.push(`sequence ${s.sequence}: next ${s.next} (largest id ${s.maxId ?? "none"}) ${s.ok ? "ok" : "BEHIND"}`);
  if (r.blobs) {
    const b = r.blobs;
    out.push(
      `blobs: ${b.total} (${(b.bytes / 2 ** 20).toFixed(1)} MiB) to ${b.target}: ${b.copied} copied, ${b.alreadyThere} there already; ` +
        `${b.check.checked - b.check.wrong.length} of ${b.check.checked} read back with the same sha256`,
    );
  }
  const p = r.phases;
  const phase = (label: string, copy: number, verify: number) => `${label} ${copy.toFixed(1)} s + verify ${verify.toFixed(1)} s`;
  out.push(`time: ${[r.tables.length > 0 ? phase("rows", p.rows, p.verifyRows) : "", r.blobs ? phase("blobs", p.blobs, p.verifyBlobs) : ""].filter(Boolean).join(", ")}`);
  for (const w of r.warnings) out.push(`warning: ${w}`);
  for (const p of r.problems) out.push(`FAILED: ${p}`);
  out.push(r.ok ? `moved and verified in ${r.seconds.toFixed(1)} s` : `the move did not verify: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} above`);
  return out;
}
