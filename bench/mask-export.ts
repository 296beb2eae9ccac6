/**
 * Mask export time in Chromium (DESIGN.md §5: ≤ 150 ms at 4096×1024).
 *
 * The app's own export code (bench/lib/mask-export-page.ts: rasterizeMask + maskStats +
 * exportMaskValue, exactly what runs after every stroke) is bundled with esbuild and timed with
 * performance.now() inside a blank Chromium page: no server, no build, no React. The document is
 * 200 brush strokes of 30 points plus 4 rects and 3 polygons, scaled to each size
 * (bench/lib/mask-doc.ts). BENCH_EXPORT_RUNS (15) timed runs per size after
 * BENCH_EXPORT_WARMUPS (3). The budget is read on p95 at 4096×1024.
 *
 *   npx tsx bench/mask-export.ts
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { launchChromium } from "./lib/browser";
import type { ExportResult } from "./lib/mask-export-page";
import { intOption } from "./lib/options";
import { budget, heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { runStandalone } from "./lib/standalone";
import { percentile } from "./lib/stats";

const SIZES: [number, number][] = [
  [1024, 1024],
  [2048, 2048],
  [4096, 1024],
];
const BUDGET_MS = 150;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** One IIFE of the page entry and the app modules it imports ("@/…" through tsconfig paths). */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(ROOT, "bench/lib/mask-export-page.ts")],
    absWorkingDir: ROOT,
    tsconfig: path.join(ROOT, "tsconfig.json"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    // Production code paths, as in the shipped bundle; not minified so a profile stays readable.
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "error",
  });
  return out.outputFiles[0].text;
}

const stat = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });

runStandalone(async (): Promise<BudgetCheck[]> => {
  const warmups = intOption("BENCH_EXPORT_WARMUPS", 3, 0, 100);
  const runs = intOption("BENCH_EXPORT_RUNS", 15, 1, 1000);
  const code = await bundle();
  const browser = await launchChromium();
  console.log(`chromium ${browser.version()} · ${runs} runs per size after ${warmups} warm-up · ${loadLine()}`);
  const page = await browser.newPage();
  await page.setContent("<!doctype html><title>mask export bench</title>");
  await page.addScriptTag({ content: code });

  const checks: BudgetCheck[] = [];
  const rows: (string | number)[][] = [];
  const splitRows: (string | number)[][] = [];
  const incRows: (string | number)[][] = [];
  let budgetP95 = Number.NaN;
  for (const [w, h] of SIZES) {
    // One evaluate per size: the timing loop runs entirely in the page, no CDP round trip inside.
    const r: ExportResult = await page.evaluate(([w, h, warm, n]) => window.__maskExportBench!.run(w, h, warm, n), [w, h, warmups, runs] as const);
    const total = stat(r.runs.map((x) => x.total));
    const raster = stat(r.runs.map((x) => x.rasterize));
    const encode = stat(r.runs.map((x) => x.encode));
    const mid = (k: keyof ExportResult["steps"][number]) => ms(percentile(r.steps.map((s) => s[k]), 50));
    rows.push([`${w}×${h}`, ms(total.p50), ms(total.p95), ms(total.max), ms(raster.p50), ms(encode.p50), `${(r.pngBytes / 1024).toFixed(0)} KB`, `${(r.whiteShare * 100).toFixed(0)} %`]);
    const inc = stat(r.incremental.map((x) => x.total));
    incRows.push([`${w}×${h}`, ms(inc.p50), ms(inc.p95), ms(inc.max), ms(stat(r.incremental.map((x) => x.rasterize)).p50)]);
    splitRows.push([`${w}×${h}`, mid("toRgba"), mid("putImageData"), mid("pngBlob"), mid("dataUrl")]);
    if (w === 4096 && h === 1024) budgetP95 = total.p95;
  }
  heading(`mask export, cold: the whole document rendered from its strokes (${SIZES.length} sizes; 200 brush strokes × 30 points + 4 rects + 3 polygons)`);
  table(["size", "p50", "p95", "max", "rasterize p50", "encode p50", "PNG", "white"], rows);
  heading("after one more stroke (what each commit costs in the app: the last stroke applied to the rest, then encoded)");
  table(["size", "p50", "p95", "max", "render p50"], incRows);
  heading("encode split (medians; exportMaskValue's steps timed one by one)");
  table(["size", "toRgba", "putImageData", "PNG blob", "data URL"], splitRows);
  console.log("");
  checks.push(budget("mask export 4096×1024 p95", ms(budgetP95), `≤ ${BUDGET_MS} ms`, budgetP95 <= BUDGET_MS));
  return checks;
});
