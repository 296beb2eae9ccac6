import { expect, type Locator, type Page } from "@playwright/test";

export interface ImagePoint {
  x: number;
  y: number;
}

interface EditorState {
  view: { zoom: number; panX: number; panY: number; devicePixelRatio: number } | null;
  box: { x: number; y: number; width: number; height: number } | null;
  size: { width: number; height: number };
  strokes: number;
}

/**
 * The mask editor dialog. Aiming uses the editor's test-only window API for the view (where the
 * image sits on screen); what the strokes did is always checked on the mask the engine received,
 * never through that API.
 */
export class MaskEditor {
  readonly dialog: Locator;
  readonly stage: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog", { name: /^Paint the mask/ });
    this.stage = this.dialog.getByTestId("mask-stage");
  }

  async open(): Promise<void> {
    await this.page.getByRole("button", { name: /^(Paint the mask|Edit the painted mask)$/ }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.stage).toBeVisible();
    await expect.poll(async () => (await this.state()).view !== null).toBe(true);
  }

  async done(): Promise<void> {
    await this.dialog.getByRole("button", { name: "Done", exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  button(name: string | RegExp): Locator {
    return this.dialog.getByRole("button", { name, exact: typeof name === "string" });
  }

  async tool(name: "Brush" | "Eraser" | "Rect" | "Lasso" | "Polygon" | "Hand"): Promise<void> {
    await this.dialog.getByRole("toolbar", { name: "Mask tools" }).getByRole("button", { name, exact: true }).click();
  }

  async setBrushDiameter(px: number): Promise<void> {
    const box = this.dialog.getByLabel("Brush diameter in pixels");
    await box.fill(String(px));
    await expect(box).toHaveValue(String(px));
  }

  async zoomTo(label: "Fit" | "100 %" | "200 %"): Promise<void> {
    await this.button(label).click();
  }

  async state(): Promise<EditorState> {
    return this.page.evaluate(() => {
      const api = window.__maskEditor;
      if (!api) throw new Error("the mask editor's test API is not there");
      return { view: api.view(), box: api.stageBox(), size: api.imageSize(), strokes: api.strokes().length };
    });
  }

  /** Client (CSS px) coordinates of image point p under the current view. */
  async toClient(p: ImagePoint): Promise<{ x: number; y: number }> {
    const { view, box } = await this.state();
    if (!view || !box) throw new Error("the editor has no view yet");
    return { x: box.x + view.panX + p.x * view.zoom, y: box.y + view.panY + p.y * view.zoom };
  }

  /** Presses at `points[0]`, moves through the rest in small steps, releases at the last. */
  async drag(points: ImagePoint[], { button = "left" as "left" | "middle" } = {}): Promise<void> {
    const client = [];
    for (const p of points) client.push(await this.toClient(p));
    await this.page.mouse.move(client[0].x, client[0].y);
    await this.page.mouse.down({ button });
    for (const c of client.slice(1)) await this.page.mouse.move(c.x, c.y, { steps: 8 });
    await this.page.mouse.up({ button });
  }

  async click(p: ImagePoint): Promise<void> {
    const c = await this.toClient(p);
    await this.page.mouse.click(c.x, c.y);
  }

  /** Pixels where the editor's tinted overlay does not show the mask (0 when it does). */
  async overlayMismatches(): Promise<number> {
    return this.page.evaluate(() => window.__maskEditor!.overlayMismatches());
  }

  /** Waits until the document holds `n` committed strokes. */
  async expectStrokes(n: number): Promise<void> {
    await expect.poll(async () => (await this.state()).strokes).toBe(n);
  }
}
