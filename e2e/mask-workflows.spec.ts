import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { MaskEditor, type ImagePoint } from "./pages/mask-editor";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { compareRegion, decode, encodePng, fetchImage, png, rgbPixels, texturedPng, type Raw } from "./support/images";
import { capsule, checkMask, receivedMask, rect } from "./support/mask-oracle";
import { resultPixels, runToCompletion, unique } from "./support/runs";

/** Whole workflows around the mask editor: a tablet with touch, outpainting's frame, try-on. */

/** Touch input through the DevTools protocol: Chromium turns it into touch pointer events. */
class Fingers {
  private constructor(private readonly cdp: CDPSession, private readonly editor: MaskEditor) {}

  static async on(page: Page, editor: MaskEditor): Promise<Fingers> {
    return new Fingers(await page.context().newCDPSession(page), editor);
  }

  private async send(type: "touchStart" | "touchMove" | "touchEnd", points: ImagePoint[]) {
    const touchPoints = [];
    for (const [id, p] of points.entries()) touchPoints.push({ ...(await this.editor.toClient(p)), id });
    await this.cdp.send("Input.dispatchTouchEvent", { type, touchPoints });
  }

  /** One finger along `path` (image px), in steps. */
  async stroke(path: ImagePoint[], steps = 10): Promise<void> {
    await this.send("touchStart", [path[0]]);
    for (let i = 1; i < path.length; i++) {
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const a = path[i - 1];
        const b = path[i];
        await this.send("touchMove", [{ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }]);
      }
    }
    await this.send("touchEnd", []);
  }

  /** Two fingers from `a0`/`b0` to `a1`/`b1` (a pinch or a two-finger pan), all points fixed before it starts. */
  async pinch(a0: ImagePoint, b0: ImagePoint, a1: ImagePoint, b1: ImagePoint): Promise<void> {
    const client = async (p: ImagePoint) => this.editor.toClient(p);
    const [ca0, cb0, ca1, cb1] = [await client(a0), await client(b0), await client(a1), await client(b1)];
    const at = (p: { x: number; y: number }, q: { x: number; y: number }, t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
    await this.cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ ...ca0, id: 0 }] });
    await this.cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ ...ca0, id: 0 }, { ...cb0, id: 1 }] });
    for (let s = 1; s <= 10; s++) {
      const t = s / 10;
      await this.cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ ...at(ca0, ca1, t), id: 0 }, { ...at(cb0, cb1, t), id: 1 }] });
    }
    await this.cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  }
}

test.describe("on a tablet with touch", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test("one finger paints, two fingers zoom without painting; the engine changes only the painted pixels", async ({ page, request }) => {
    test.setTimeout(120_000);
    const playground = new PlaygroundPage(page);
    const form = new TaskForm(page);
    await playground.goto();
    await form.choose("INPAINTING");
    await playground.prompt.fill(`e2e tablet ${unique()}`);
    const source = await texturedPng(1280, 720);
    await form.image("image").choose(png("tablet.png", source.png));
    const editor = new MaskEditor(page);
    await editor.open();
    const fingers = await Fingers.on(page, editor);

    await editor.setBrushDiameter(50);
    const zoomBefore = (await editor.state()).view!.zoom;
    await fingers.pinch({ x: 500, y: 300 }, { x: 700, y: 400 }, { x: 450, y: 275 }, { x: 750, y: 425 });
    await expect.poll(async () => (await editor.state()).view!.zoom, "a pinch zooms").toBeGreaterThan(zoomBefore * 1.3);
    expect((await editor.state()).strokes, "a pinch paints nothing").toBe(0);

    const a = { x: 520, y: 330 };
    const b = { x: 760, y: 390 };
    await fingers.stroke([a, b]);
    await editor.expectStrokes(1);
    await editor.done();

    await expect(form.maskOverlay).toBeVisible();
    const job = await runToCompletion(playground, request);
    const mask = await receivedMask(request, job);
    expect([mask.width, mask.height]).toEqual([1280, 720]);
    const check = checkMask(mask, [{ add: capsule(a, b, 25) }]);
    expect(check.wrong, `pixels on the wrong side: ${check.examples.join("; ")}`).toBe(0);

    const { raw: out } = await resultPixels(request, job);
    const white = (x: number, y: number) => mask.data[(y * mask.width + x) * mask.channels] === 255;
    const outside = compareRegion(source.raw, out, (x, y) => !white(x, y));
    expect(outside.differing, `pixels outside the mask that changed: ${outside.examples.join("; ")}`).toBe(0);
  });
});

test("outpainting a 1024×1024 image to 16:9 through the frame", async ({ page, request }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("OUTPAINTING");
  await playground.prompt.fill(`e2e outpaint frame, a wide beach ${unique()}`);
  const source = await texturedPng(1024, 1024);
  await form.image("image").choose(png("square.png", source.png));
  await expect(form.image("image").root).toContainText("1024 × 1024");

  await page.getByRole("button", { name: "Extend the canvas…" }).click();
  const frame = page.getByTestId("outpaint-frame");
  await frame.getByLabel("Aspect ratio", { exact: true }).selectOption("16:9");
  await expect(frame).toContainText("Frame 1024×576 px · image 576×576 px at x 224, y 0");
  await frame.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(frame).toHaveCount(0);
  await expect(form.image("image").root).toContainText("1024 × 576");
  await expect(form.maskOverlay).toBeVisible();

  // The mask can be refined with the same tools: cut a 40 px strip of the left padding back to "keep".
  const editor = new MaskEditor(page);
  await editor.open();
  await editor.expectStrokes(2);
  await editor.tool("Rect");
  await page.keyboard.press("x");
  await editor.drag([{ x: 0, y: 0 }, { x: 40, y: 576 }]);
  await editor.expectStrokes(3);
  await editor.done();

  const job = await runToCompletion(playground, request);
  const mask = await receivedMask(request, job);
  const kept = rect(224, 0, 800, 576);
  const check = checkMask(mask, [{ add: rect(-10, -10, 1034, 586) }, { cut: kept }, { cut: rect(-10, -10, 40, 586) }]);
  expect(check.wrong, `mask pixels on the wrong side: ${check.examples.join("; ")}`).toBe(0);

  const padded = await decode(await fetchImage(request, job.inputs.find((i) => i.role === "image")!.url));
  expect([padded.width, padded.height], "the padded image is the frame's size").toEqual([1024, 576]);
  const { raw: out } = await resultPixels(request, job);
  expect([out.width, out.height]).toEqual([1024, 576]);
  const keep = (x: number) => (x >= 224 && x < 800) || x < 40;
  const same = compareRegion(padded, out, (x) => keep(x));
  expect(same.differing, `kept pixels that changed: ${same.examples.join("; ")}`).toBe(0);
  const generated = compareRegion(padded, out, (x) => !keep(x) && x >= 41 && (x < 223 || x > 800), { tolerance: 2 });
  expect(generated.differing / generated.compared, "share of the new space that was generated").toBeGreaterThan(0.9);
});

test("virtual try-on with a painted mask puts the garment inside it only", async ({ page, request }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("VIRTUAL_TRY_ON");
  const person = await texturedPng(480, 640);
  await form.image("image").choose(png("person.png", person.png));
  await form.image("reference_image").choose(png("garment.png", await encodePng(rgbPixels(400, 400, () => [220, 30, 40]))));
  await form.chooseSegment("Where the garment goes", "Mask image");

  const editor = new MaskEditor(page);
  await editor.open();
  await editor.tool("Rect");
  await editor.drag([{ x: 140, y: 160 }, { x: 340, y: 400 }]);
  await editor.expectStrokes(1);
  await editor.done();

  const job = await runToCompletion(playground, request);
  expect(job.params).toMatchObject({ task_type: "VIRTUAL_TRY_ON", mask_type: "IMAGE" });
  const mask: Raw = await receivedMask(request, job);
  expect([mask.width, mask.height]).toEqual([480, 640]);
  const check = checkMask(mask, [{ add: rect(140, 160, 340, 400) }]);
  expect(check.wrong, `mask pixels on the wrong side: ${check.examples.join("; ")}`).toBe(0);
  const { raw: out } = await resultPixels(request, job);
  const outside = compareRegion(person.raw, out, (x, y) => x < 139 || x > 340 || y < 159 || y > 400);
  expect(outside.differing, `person pixels outside the mask that changed: ${outside.examples.join("; ")}`).toBe(0);
});
