import { expect, test } from "@playwright/test";
test("shots", async ({ page, request }) => {
  test.setTimeout(120_000);
  const res = await request.post("/api/sweeps", { data: { base: { model: "amazon.nova-canvas-v1:0", task_type: "TEXT_IMAGE", prompt: "e2e shots fox", seed: 5, number_of_images: 1 }, axes: [{ field: "cfg_scale", values: [3, 6] }, { field: "style", values: ["PHOTOREALISM", "DESIGN_SKETCH"] }, { field: "quality", values: ["standard", "premium"] }] } });
  const text = await res.text();
  expect(res.status(), text).toBe(201);
  const sweep = JSON.parse(text);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/sweeps/${sweep.id}`);
  await expect(page.getByTestId("sweep-progress")).toContainText("4 of 4 done", { timeout: 60_000 });
  await page.screenshot({ path: "/tmp/sweepui-grid-1366.png", fullPage: true });
  await page.getByLabel(/Stacked/).check();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/sweepui-grid-390.png", fullPage: true });
  await page.goto(`/sweeps`);
  await page.screenshot({ path: "/tmp/sweepui-list.png" });
});
