/**
 * First-load JS of the playground page (DESIGN.md §5: ≤ 250 KB gzip; Konva loaded only when a
 * mask editor opens), against the production build.
 *
 * Two figures against the budget, both gzipped at level 9 (zlib) and summed:
 * 1. every `<script src>` in the HTML of `/` (static; includes Next's `nomodule` polyfills,
 *    which a current browser never fetches);
 * 2. every script Chromium fetched loading `/` until the network was idle, no interaction
 *    (no polyfills, but the lazy chunks of components that mount at once).
 * Every chunk of both is searched for Konva (markers below). Then the JS that choosing
 * Inpainting + an image adds, and the JS that opening the editor adds: Konva must turn up there,
 * which also proves the markers find it.
 *
 *   npx tsx bench/first-load-js.ts           (from the project root, after `npx next build`)
 *   BENCH_APP_URL=http://127.0.0.1:3900 npx tsx bench/first-load-js.ts   (a server already running)
 */
import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { startApp } from "./lib/app-server";
import { launchChromium } from "./lib/browser";
import { addInpaintingImage, openEditor, openPlayground, sourcePng } from "./lib/editor-page";
import { runEntry } from "./lib/main";
import { budget, heading, table, type BudgetCheck } from "./lib/print";

const BUDGET_KB = 250;
/**
 * Konva survives minification as strings and its global: its warnings, its version banner and
 * `Konva` itself (the namespace, `Konva.Stage`, the global it sets). react-konva's reconciler
 * names its renderer "react-konva".
 */
const KONVA_MARKERS = [/Konva (warning|error)/, /\bKonva\b/, /["']konva["']/i, /react-konva/];

interface Chunk {
  path: string;
  raw: number;
  gzip: number;
  konva: string | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function measure(path: string, body: Buffer): Chunk {
  const text = body.toString("utf8");
  const hit = KONVA_MARKERS.map((re) => re.exec(text)?.[0]).find(Boolean);
  return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, konva: hit ?? null };
}

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

function printChunks(chunks: Chunk[]): void {
  const rows = [...chunks].sort((a, b) => b.gzip - a.gzip).map((c) => [c.path, kb(c.raw), kb(c.gzip), c.konva ? `KONVA (${c.konva})` : ""]);
  table(["chunk", "raw", "gzip -9", ""], rows);
  const sum = (k: "raw" | "gzip") => chunks.reduce((a, c) => a + c[k], 0);
  console.log(`${chunks.length} chunks · ${kb(sum("raw"))} raw · ${kb(sum("gzip"))} gzip -9`);
}

/** JS responses from now until `step` is done and the network is quiet again. */
async function scriptsDuring(page: Page, step: () => Promise<void>): Promise<Chunk[]> {
  const seen = new Map<string, Promise<Chunk>>();
  const onResponse = (res: import("@playwright/test").Response) => {
    const u = new URL(res.url());
    if (res.request().resourceType() === "script" && !seen.has(u.pathname)) seen.set(u.pathname, res.body().then((b) => measure(u.pathname, b)));
  };
  page.on("response", onResponse);
  await step();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  page.off("response", onResponse);
  return Promise.all(seen.values());
}

runEntry(async (): Promise<BudgetCheck[]> => {
  const app = await startApp("first-load");
  const html = (await fetchBytes(`${app.url}/`)).toString("utf8");
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  if (tags.length === 0) throw new Error(`no <script src> in the HTML of / (${html.length} chars)`);
  // noModule scripts (Next's polyfills) are fetched only by browsers without ES modules.
  const noModule = new Set(tags.filter((t) => /\bnomodule\b/i.test(t[0])).map((t) => new URL(t[1].replace(/&amp;/g, "&"), app.url).pathname));
  const urls = [...new Set(tags.map((t) => new URL(t[1].replace(/&amp;/g, "&"), app.url).href))];
  const first = await Promise.all(urls.map(async (u) => measure(new URL(u).pathname, await fetchBytes(u))));
  const sum = (cs: Chunk[]) => cs.reduce((a, c) => a + c.gzip, 0);

  heading("first-load JS of / (every <script src> of the HTML, gzip -9)");
  printChunks(first.map((c) => (noModule.has(c.path) ? { ...c, path: `${c.path} (nomodule)` } : c)));
  const htmlTotal = sum(first);
  const checks = [budget("first-load JS of /, every <script src> (gzip -9)", kb(htmlTotal), `≤ ${BUDGET_KB} KB`, htmlTotal <= BUDGET_KB * 1024)];

  // What a browser really fetches: no nomodule polyfills, plus the lazy chunks of components
  // that mount at once (lazyClient), fetched right after hydration without any interaction.
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const loaded = await scriptsDuring(page, () => openPlayground(page, app.url));
  const paths = new Set(loaded.map((c) => c.path));
  heading("JS Chromium fetched loading / (until the network is idle, no interaction)");
  const extra = loaded.filter((c) => !first.some((f) => f.path === c.path));
  const skipped = first.filter((c) => !paths.has(c.path));
  console.log(`${loaded.length} scripts · ${kb(sum(loaded))} gzip -9`);
  console.log(`  fetched but not in the HTML (lazy, mounted at once): ${extra.length ? extra.map((c) => `${c.path} ${kb(c.gzip)}`).join(", ") : "none"}`);
  console.log(`  in the HTML but not fetched: ${skipped.length ? skipped.map((c) => `${c.path}${noModule.has(c.path) ? " (nomodule)" : ""} ${kb(c.gzip)}`).join(", ") : "none"}`);
  checks.push(budget("first-load JS of /, fetched by Chromium until idle (gzip -9)", kb(sum(loaded)), `≤ ${BUDGET_KB} KB`, sum(loaded) <= BUDGET_KB * 1024));

  const png = await sourcePng(1280, 720);
  const inpainting = await scriptsDuring(page, () => addInpaintingImage(page, png, "1280 × 720"));
  heading("JS added by choosing Inpainting and adding an image");
  printChunks(inpainting);
  const withKonva = [...first, ...extra, ...inpainting].filter((c) => c.konva);
  const konvaFree = withKonva.length === 0;
  console.log(`CHECK no Konva before the editor opens (first load, Inpainting): ${konvaFree ? "no marker in any chunk above" : `found in ${withKonva.map((c) => `${c.path} (${c.konva})`).join(", ")}`} ${konvaFree ? "PASS" : "FAIL"}`);
  checks.push({ label: "no Konva before the editor opens", ok: konvaFree });
  const editor = await scriptsDuring(page, () => openEditor(page, 0));
  heading('JS added by opening the mask editor ("Paint the mask")');
  printChunks(editor);
  const konvaThere = editor.some((c) => c.konva);
  console.log(`CHECK Konva arrives with the editor (so the markers do find it): ${konvaThere ? "PASS" : "FAIL (no marker in the editor's chunks: the first-load check proves nothing)"}`);
  checks.push({ label: "Konva found in the editor's chunks", ok: konvaThere });
  await app.stop();
  return checks;
});
