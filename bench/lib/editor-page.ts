import type { Page } from "@playwright/test";
import sharp from "sharp";

/**
 * The playground steps the browser benchmarks share: Inpainting with a source image, and the
 * mask editor opened on it. Same selectors as the e2e page objects (e2e/pages), kept here so a
 * benchmark does not depend on the test runner.
 */
export const STAGE = '[data-testid="mask-stage"]';

/** A textured opaque PNG (gradient + checker), so the image layer is not a flat colour. */
export function sourcePng(width: number, height: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = ((x >> 4) + (y >> 4)) % 2 ? 200 : 40;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens `/` and waits until the saved draft is loaded (the prompt is enabled). */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const prompt = page.getByLabel("Prompt", { exact: true });
  await waitFor("the playground form", () => prompt.isEnabled());
}

/** Switches to Inpainting and puts `png` into its "image" field. */
export async function addInpaintingImage(page: Page, png: Buffer, label: string): Promise<void> {
  await page.getByRole("radiogroup", { name: "Task type" }).getByText("Inpainting", { exact: true }).click();
  const input = page.locator('[data-image-input="image"] input[type=file]');
  await input.waitFor({ state: "attached" });
  await input.setInputFiles({ name: "source.png", mimeType: "image/png", buffer: png });
  // The field shows the size once the image is read ("1280 × 720").
  await page.locator('[data-image-input="image"]').getByText(label).waitFor();
}

export function strokeCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__maskEditor?.strokes().length ?? -1);
}

/** Opens the editor, waits for its view and `strokes` committed strokes, selects the brush. */
export async function openEditor(page: Page, strokes: number): Promise<void> {
  await page.getByRole("button", { name: /^(Paint the mask|Edit the painted mask)$/ }).click();
  await page.locator(STAGE).waitFor({ timeout: 60_000 });
  await waitFor(
    `the editor with ${strokes} strokes`,
    async () => (await strokeCount(page)) === strokes && (await page.evaluate(() => window.__maskEditor?.view() != null)),
  );
  await page.getByRole("toolbar", { name: "Mask tools" }).getByRole("button", { name: "Brush", exact: true }).click();
}
