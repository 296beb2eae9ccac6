import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { MaskEditor } from "./pages/mask-editor";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import type { ApiJob } from "./support/api";
import { compareRegion, png, rectMask, texturedPng, type Raw } from "./support/images";
import { capsule, checkMask, polygon, receivedMask, rect, type MaskExpr } from "./support/mask-oracle";
import { resultPixels, runToCompletion, unique } from "./support/runs";

/**
 * The mask editor end to end on a 1280×720 source: strokes aimed at image pixels at different
 * zooms, window sizes and pixel ratios; the mask the engine received must be 1280×720 and white
 * exactly where the strokes were (±1 px at edges) and nowhere else.
 */

const W = 1280;
const H = 720;

async function startInpainting(page: Page): Promise<{ playground: PlaygroundPage; form: TaskForm; editor: MaskEditor; source: Raw }> {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("INPAINTING");
  await playground.prompt.fill(`e2e mask editor ${unique()}`);
  const source = await texturedPng(W, H);
  await form.image("image").choose(png("source.png", source.png));
  await expect(form.image("image").root).toContainText("1280 × 720");
  return { playground, form, editor: new MaskEditor(page), source: source.raw };
}

async function runAndCheck(page: Page, request: APIRequestContext, playground: PlaygroundPage, form: TaskForm, ops: MaskExpr[]): Promise<{ job: ApiJob; mask: Raw }> {
  await expect(form.maskOverlay).toBeVisible();
  const job = await runToCompletion(playground, request);
  const mask = await receivedMask(request, job);
  expect([mask.width, mask.height], "the mask is the source image's size").toEqual([W, H]);
  const check = checkMask(mask, ops);
  expect(check.wrong, `pixels on the wrong side: ${check.examples.join("; ")}`).toBe(0);
  expect(check.white, "something was painted").toBeGreaterThan(500);
  return { job, mask };
}

test("inpainting at 200 %: paint, erase, undo, redo; the engine changes only the painted pixels", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { playground, form, editor, source } = await startInpainting(page);
  await editor.open();
  await editor.zoomTo("200 %");
  await expect(editor.dialog.getByTestId("zoom-readout")).toHaveText("200 %");

  await editor.setBrushDiameter(40);
  const a = { x: 560, y: 350 };
  const b = { x: 720, y: 350 };
  await editor.drag([a, b]);
  await editor.expectStrokes(1);

  await editor.tool("Eraser");
  await editor.setBrushDiameter(16);
  const e1 = { x: 620, y: 350 };
  const e2 = { x: 660, y: 350 };
  await editor.drag([e1, e2]);
  await editor.expectStrokes(2);

  // The overlay is repainted only where a commit changed the mask: it still shows all of it.
  await expect.poll(() => editor.overlayMismatches()).toBe(0);
  await page.keyboard.press("Control+z");
  await editor.expectStrokes(1);
  await editor.button("Redo").click();
  await editor.expectStrokes(2);
  await expect.poll(() => editor.overlayMismatches()).toBe(0);
  await expect(editor.dialog.getByTestId("mask-preflight")).toContainText("Same size as the image");
  await editor.done();

  const ops: MaskExpr[] = [{ add: capsule(a, b, 20) }, { cut: capsule(e1, e2, 8) }];
  const { job, mask } = await runAndCheck(page, request, playground, form, ops);

  const { raw: out } = await resultPixels(request, job);
  const white = (x: number, y: number) => mask.data[(y * W + x) * mask.channels] === 255;
  const outside = compareRegion(source, out, (x, y) => !white(x, y));
  expect(outside.differing, `pixels outside the mask that changed: ${outside.examples.join("; ")}`).toBe(0);
  const inside = compareRegion(source, out, white, { tolerance: 2 });
  expect(inside.differing / inside.compared, "share of painted pixels that changed").toBeGreaterThan(0.9);
});

test("at 50 %, a rectangle and a freehand lasso stay put across a window resize", async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 860 });
  const { playground, form, editor } = await startInpainting(page);
  await editor.open();
  await page.keyboard.press("1");
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  await expect(editor.dialog.getByTestId("zoom-readout")).toHaveText("50 %");

  await editor.tool("Rect");
  await editor.drag([{ x: 100, y: 80 }, { x: 420, y: 300 }]);
  await editor.expectStrokes(1);

  const before = (await editor.state()).box!;
  await page.setViewportSize({ width: 900, height: 700 });
  await expect.poll(async () => (await editor.state()).box?.width, "the stage follows the window").not.toBe(before.width);
  const lasso = [{ x: 700, y: 400 }, { x: 1000, y: 420 }, { x: 860, y: 640 }];
  await editor.tool("Lasso");
  await editor.drag([...lasso, lasso[0]]);
  await editor.expectStrokes(2);
  await expect.poll(() => editor.overlayMismatches()).toBe(0);
  await editor.done();

  await runAndCheck(page, request, playground, form, [{ add: rect(100, 80, 420, 300) }, { add: polygon(lasso) }]);
});

test.describe("at devicePixelRatio 2", () => {
  test.use({ deviceScaleFactor: 2 });

  test("a polygon lasso, then invert", async ({ page, request }) => {
    test.setTimeout(120_000);
    const { playground, form, editor } = await startInpainting(page);
    await editor.open();
    expect((await editor.state()).view?.devicePixelRatio).toBe(2);
    await editor.tool("Polygon");
    const pts = [{ x: 200, y: 150 }, { x: 600, y: 120 }, { x: 520, y: 500 }, { x: 240, y: 420 }];
    for (const p of pts) await editor.click(p);
    await page.keyboard.press("Enter");
    await editor.expectStrokes(1);
    await editor.button("Invert").click();
    await editor.expectStrokes(2);
    await expect.poll(() => editor.overlayMismatches()).toBe(0);
    await editor.done();

    await runAndCheck(page, request, playground, form, [{ add: polygon(pts) }, { invert: true }]);
  });
});

test("the painted mask survives a task switch and a reload (keyed by the image); so does the image", async ({ page }) => {
  const { form, editor } = await startInpainting(page);
  await editor.open();
  await editor.tool("Rect");
  await editor.drag([{ x: 300, y: 200 }, { x: 700, y: 500 }]);
  await editor.expectStrokes(1);
  await editor.done();
  await expect(form.maskOverlay).toBeVisible();

  await form.choose("OUTPAINTING");
  await expect(form.maskOverlay).toHaveCount(0);
  await form.image("image").choose(png("same-in-outpainting.png", (await texturedPng(W, H)).png));
  await expect(form.maskOverlay, "the same image in another task brings its mask").toBeVisible();
  await form.choose("INPAINTING");
  await expect(form.maskOverlay, "switching back keeps the mask").toBeVisible();

  // The form's images are saved to IndexedDB shortly after they change; wait for that.
  await expect.poll(() => savedDraftImageKeys(page)).toContain("INPAINTING.image");
  await page.reload();
  await expect(form.image("image").root, "the source image is back after the reload").toContainText("1280 × 720");
  await expect(form.maskOverlay, "and so is its mask").toBeVisible();
  await editor.open();
  await editor.expectStrokes(1);
  await editor.done();

  // Removing the image is the explicit way to clear it: after a reload it stays gone, and the
  // same image added again brings its mask back.
  await form.image("image").root.getByRole("button", { name: /^Remove/ }).first().click();
  await expect.poll(() => savedDraftImageKeys(page)).not.toContain("INPAINTING.image");
  await page.reload();
  await expect(page.getByRole("button", { name: "Paint the mask", exact: true })).toBeDisabled();
  const again = await texturedPng(W, H);
  await form.image("image").choose(png("source-again.png", again.png));
  await expect(form.maskOverlay, "the mask comes back with the same image").toBeVisible();
  await editor.open();
  await editor.expectStrokes(1);
});

/** The keys of the form images saved in IndexedDB ("INPAINTING.image", …). */
function savedDraftImageKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("nova-canvas");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("draft-images")) return resolve([]);
          const keys = db.transaction("draft-images").objectStore("draft-images").getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test("an uploaded mask file opens in the editor and can be refined", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { playground, form, editor } = await startInpainting(page);
  await form.image("mask_image").choose(png("uploaded-mask.png", await rectMask(W, H, { x: 200, y: 100, width: 600, height: 400 })));
  await expect(form.image("mask_image").root).toContainText("1280 × 720");
  await editor.open();
  await editor.expectStrokes(1);
  await editor.tool("Rect");
  await page.keyboard.press("x");
  await editor.drag([{ x: 400, y: 0 }, { x: 500, y: 720 }]);
  await editor.expectStrokes(2);
  await editor.done();

  await runAndCheck(page, request, playground, form, [{ add: rect(200, 100, 800, 500) }, { cut: rect(400, -10, 500, 730) }]);
});

test("shortcuts: listed in the help overlay, ignored while typing, Escape steps back one layer at a time", async ({ page }) => {
  const { editor } = await startInpainting(page);
  await editor.open();
  await page.keyboard.press("?");
  const help = editor.dialog.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Polygon lasso");
  await expect(help).toContainText("Redo");
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await expect(editor.dialog, "Escape closed only the help").toBeVisible();

  // Typing "24" into the brush box is text, not "zoom to 200 %" and "zoom to 400 %".
  const zoom = await editor.dialog.getByTestId("zoom-readout").textContent();
  const box = editor.dialog.getByLabel("Brush diameter in pixels");
  await box.press("Control+a");
  await box.pressSequentially("24");
  await expect(box).toHaveValue("24");
  await expect(editor.dialog.getByTestId("zoom-readout")).toHaveText(zoom!);

  await editor.stage.focus();
  await page.keyboard.press("p");
  await expect(editor.dialog.getByRole("button", { name: "Polygon", exact: true })).toHaveAttribute("aria-pressed", "true");
  await editor.click({ x: 100, y: 100 });
  await editor.click({ x: 300, y: 100 });
  await page.keyboard.press("Escape");
  await expect(editor.dialog, "the first Escape drops the polygon in progress").toBeVisible();
  await page.keyboard.press("Escape");
  await expect(editor.dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Paint the mask", exact: true }), "the dropped polygon left nothing").toBeVisible();
  await editor.open();
  await editor.expectStrokes(0);
});

test("panning never paints: middle-button drag, space-drag and the hand tool move the view only", async ({ page }) => {
  const { editor } = await startInpainting(page);
  await editor.open();
  await editor.zoomTo("200 %");
  const panX = async () => (await editor.state()).view!.panX;

  let before = await panX();
  await editor.drag([{ x: 600, y: 350 }, { x: 560, y: 350 }], { button: "middle" });
  await expect.poll(panX, "a middle-button drag pans").toBeCloseTo(before - 80, 0);

  before = await panX();
  await editor.stage.focus();
  await page.keyboard.down(" ");
  await editor.drag([{ x: 600, y: 350 }, { x: 640, y: 350 }]);
  await page.keyboard.up(" ");
  await expect.poll(panX, "a space-drag pans").toBeCloseTo(before + 80, 0);

  before = await panX();
  await editor.tool("Hand");
  await editor.drag([{ x: 600, y: 350 }, { x: 580, y: 350 }]);
  await expect.poll(panX, "a hand-tool drag pans").toBeCloseTo(before - 40, 0);
  expect((await editor.state()).strokes, "nothing was painted").toBe(0);

  // And the brush paints again once the hand is put down.
  await editor.tool("Brush");
  await editor.drag([{ x: 600, y: 350 }, { x: 620, y: 350 }]);
  await editor.expectStrokes(1);
});
