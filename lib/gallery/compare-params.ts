/**
 * The comparison table of 2–4 images: one row per parameter any of them has, each value as text,
 * and whether the row differs (the rows to highlight). Pure, so it is tested without a browser.
 */
export interface CompareColumn {
  seed: number | null;
  width: number;
  height: number;
  costUsd: number;
  params: Record<string, unknown>;
}

export interface CompareRow {
  name: string;
  values: string[];
  differs: boolean;
}

function text(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "object") {
    // Image inputs are stored as { input: <sha256> }: compare them by content, show them short.
    const input = (v as { input?: unknown }).input;
    if (typeof input === "string") return `image ${input.slice(0, 8)}`;
    return JSON.stringify(v);
  }
  return String(v);
}

export function compareRows(columns: CompareColumn[]): CompareRow[] {
  const keys = new Set<string>();
  for (const c of columns) for (const k of Object.keys(c.params)) if (k !== "seed") keys.add(k);
  const rows: CompareRow[] = [
    { name: "seed", values: columns.map((c) => text(c.seed)), differs: false },
    { name: "size", values: columns.map((c) => `${c.width}×${c.height}`), differs: false },
    { name: "cost", values: columns.map((c) => `$${c.costUsd.toFixed(2)}`), differs: false },
    ...[...keys].sort().map((k) => ({ name: k, values: columns.map((c) => text(c.params[k])), differs: false })),
  ];
  for (const r of rows) r.differs = new Set(r.values).size > 1;
  return rows;
}
