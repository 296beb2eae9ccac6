/**
 * Time per pointer move while painting over a document of 500 committed strokes, in the real
 * mask editor (production build, Chromium). No DESIGN.md budget: reported against one frame at
 * 60 Hz (16.7 ms) as a target.
 *
 * Setup: `/` → Inpainting → a 1280×720 PNG in "image". One stroke painted through the UI tells
 * us the image's key (the app computes it from its own processed copy of the file, so it is read
 * back from localStorage rather than recomputed); that document is then replaced in
 * localStorage ("nova-canvas.masks", zustand-persist format) by BENCH_MASK_STROKES (500) brush
 * strokes of 30 points, the page reloaded, the image added again and the editor opened on them.
 * Measured: one brush drag of BENCH_POINTER_MOVES (300) real mouse moves (page.mouse, through
 * Chromium's input pipeline), one move per painted frame; see bench/lib/frame-probe.ts for what
 * "work" and "latency" are.
 *
 *   npx tsx bench/mask-pointer.ts            (from the project root, after `npx next build`)
 */
import type { Page } from "@playwright/test";
import { startApp } from "./lib/app-server";
import { KEEP_NAMES_SHIM, launchChromium } from "./lib/browser";
import { addInpaintingImage, openEditor, openPlayground, sourcePng, STAGE, strokeCount, waitFor } from "./lib/editor-page";
import { installFrameProbe } from "./lib/frame-probe";
import { runEntry } from "./lib/main";
import { brushStrokes } from "./lib/mask-doc";
import { intOption } from "./lib/options";
import { heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { percentile } from "./lib/stats";

const W = 1280;
const H = 720;
const FRAME_MS = 1000 / 60;

async function addImage(page: Page, url: string, png: Buffer): Promise<void> {
  await openPlayground(page, url);
  await addInpaintingImage(page, png, `${W} × ${H}`);
}

/** Client coordinates of the image's on-screen rectangle under the editor's current view. */
async function imageRect(page: Page): Promise<{ x: number; y: number; w: number; h: number }> {
  return page.evaluate(([iw, ih]) => {
    const api = window.__maskEditor!;
    const v = api.view()!;
    const b = api.stageBox()!;
    return { x: b.x + v.panX, y: b.y + v.panY, w: iw * v.zoom, h: ih * v.zoom };
  }, [W, H] as const);
}

const stat = (v: number[]) => ({ p50: percentile(v, 50), p95: percentile(v, 95), max: Math.max(...v) });

runEntry(async (): Promise<BudgetCheck[]> => {
  const seeded = intOption("BENCH_MASK_STROKES", 500, 0, 5000);
  const moves = intOption("BENCH_POINTER_MOVES", 300, 10, 10_000);
  const app = await startApp("mask-pointer");
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const page = await context.newPage();
  const png = await sourcePng(W, H);

  // 1. Learn the image's key from one stroke painted through the UI.
  await addImage(page, app.url, png);
  await openEditor(page, 0);
  const r0 = await imageRect(page);
  await page.mouse.move(r0.x + r0.w * 0.2, r0.y + r0.h * 0.2);
  await page.mouse.down();
  await page.mouse.move(r0.x + r0.w * 0.3, r0.y + r0.h * 0.3, { steps: 5 });
  await page.mouse.up();
  await waitFor("the first stroke", async () => (await strokeCount(page)) === 1);
  // Mask documents are written shortly after the last change, not at once.
  const storedKey = () => page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("nova-canvas.masks") ?? "{}").state?.docs ?? {})[0] as string | undefined);
  await waitFor("the mask document in localStorage", async () => Boolean(await storedKey()));
  const key = (await storedKey())!;

  // 2. Replace that document by the seeded one, reload, add the same image, open the editor.
  const stored = { state: { docs: { [key]: { width: W, height: H, done: brushStrokes(W, H, seeded, 30, 11), undone: [], revision: 1, updatedAt: Date.now() } } }, version: 1 };
  await page.evaluate((v) => localStorage.setItem("nova-canvas.masks", v), JSON.stringify(stored));
  await addImage(page, app.url, png);
  if (seeded > 0) await page.getByRole("img", { name: "Image with the area to change shown in red", exact: true }).waitFor({ timeout: 60_000 });
  await openEditor(page, seeded);
  // Let the opening work (full replay, tint, first draws) and the form's export finish.
  await page.waitForTimeout(1500);

  // 3. The drag: a Lissajous curve over the image, ~10 CSS px per move at this zoom.
  await page.evaluate(installFrameProbe, STAGE);
  const r = await imageRect(page);
  const at = (i: number) => {
    const t = i / moves;
    return { x: r.x + r.w * (0.5 + 0.4 * Math.sin(2 * Math.PI * 1.5 * t)), y: r.y + r.h * (0.5 + 0.4 * Math.sin(2 * Math.PI * 2.5 * t + 0.7)) };
  };
  await page.mouse.move(at(0).x, at(0).y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(at(i).x, at(i).y);
    await page.evaluate((n) => window.__frameProbe!.painted(n, 10_000), i);
  }
  const upAt = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await waitFor("the committed stroke", async () => (await strokeCount(page)) === seeded + 1);
  await page.waitForTimeout(1500);
  const probe = await page.evaluate(() => ({ moves: window.__frameProbe!.moves, longTasks: window.__frameProbe!.longTasks }));

  const work = probe.moves.map((m) => m.handlerEnd - m.start + (m.frameEnd - m.frameStart));
  const handler = probe.moves.map((m) => m.handlerEnd - m.start);
  const latency = probe.moves.map((m) => m.frameEnd - m.timeStamp);
  const zoom = (r.w / W).toFixed(2);
  heading(`mask pointer moves (${seeded} committed strokes, ${W}×${H} image at zoom ${zoom}, ${probe.moves.length} moves of one brush drag)`);
  console.log(`chromium ${browser.version()} · viewport 1280×800 · ${loadLine()}`);
  const rows = [
    ["work per move (handler + its frame)", work],
    ["  of which the pointermove handler", handler],
    ["latency (event → frame committed)", latency],
  ] as const;
  table(["per move", "p50", "p95", "max"], rows.map(([label, v]) => [label, ms(stat([...v]).p50), ms(stat([...v]).p95), ms(stat([...v]).max)]));
  const tail = (v: number[], from: number) => ms(percentile(v.slice(from, from + 50), 50));
  console.log(`work p50 of moves 1–50: ${tail(work, 0)} · of the last 50: ${tail(work, Math.max(0, work.length - 50))} (the preview line grows with the drag)`);
  const during = probe.longTasks.filter((t) => t.start < upAt);
  const after = probe.longTasks.filter((t) => t.start >= upAt);
  console.log(`long tasks (> 50 ms) during the drag: ${during.length ? during.map((t) => ms(t.duration)).join(", ") : "none"}`);
  const afterList = after.map((t) => `${ms(t.duration)} at +${(t.start - upAt).toFixed(0)} ms`).join(", ");
  console.log(`long tasks in the 1.5 s after pointer-up (commit; the form's export runs ≥ 120 ms later): ${after.length ? afterList : "none"}`);
  const p95 = stat(work).p95;
  console.log(`TARGET mask pointer move work p95: ${ms(p95)} (target ≤ ${FRAME_MS.toFixed(1)} ms, one frame at 60 Hz; not a DESIGN.md budget) ${p95 <= FRAME_MS ? "MET" : "MISSED"}`);
  await app.stop();
  return [];
});
