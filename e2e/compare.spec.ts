import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { unique } from "./support/runs";

/** Compare two images: one zoom for both, the slider view, and the parameters that differ highlighted. */
test("compare two images: zoom and pan stay in step, slider view, differing parameters highlighted", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `otter${unique()}`;
  const a = await submitJob(request, textImageBody({ prompt: `e2e ${word}`, cfg_scale: 6.5, seed: 11 }));
  const b = await submitJob(request, textImageBody({ prompt: `e2e ${word}`, cfg_scale: 9, seed: 12 }));
  const [ia, ib] = (await Promise.all([a, b].map((j) => waitForJobStatus(request, j.id, ["completed"])))).map((j) => j.images[0]);

  const gallery = new GalleryPage(page);
  await page.goto(`/gallery?q=${word}`);
  await gallery.item(ia.id).getByRole("checkbox").click();
  await expect(page.getByRole("button", { name: "Compare", exact: true })).toBeDisabled();
  await gallery.item(ib.id).getByRole("checkbox").click();
  await page.getByRole("button", { name: "Compare", exact: true }).click();

  const dialog = page.getByTestId("compare-dialog");
  await expect(dialog.getByTestId("compare-panel")).toHaveCount(2);
  const table = dialog.getByTestId("compare-params");
  await expect(table.locator("tr", { hasText: "cfg_scale" })).toHaveAttribute("data-differs", "true");
  await expect(table.locator("tr", { hasText: "seed" }).first()).toHaveAttribute("data-differs", "true");
  await expect(table.locator("tr", { hasText: "prompt" }).first()).not.toHaveAttribute("data-differs", "true");

  // Wheel over the first panel zooms both, by the same transform.
  const first = dialog.getByTestId("compare-panel").first();
  const box = (await first.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect(dialog).toContainText(/Zoom (1[5-9]\d|[2-9]\d\d) %/);
  const transforms = await dialog.getByTestId("compare-panel").locator("img").evaluateAll((els) => els.map((el) => (el as HTMLElement).style.transform));
  expect(transforms[0]).not.toBe("translate(0px, 0px) scale(1)");
  expect(transforms[1]).toBe(transforms[0]);

  await dialog.locator("label", { hasText: "Slider" }).click();
  await expect(dialog.getByTestId("compare-slider")).toBeVisible();
  await expect(dialog.getByTestId("compare-slider").locator("img")).toHaveCount(2);
});
