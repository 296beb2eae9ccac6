import { expect, test } from "@playwright/test";
import type { ApiShare, ApiSweep } from "../lib/api-types";
import { textImageBody } from "./support/api";
import { WAIT } from "./support/env";
import { unique } from "./support/runs";

/**
 * The acceptance's 3×3 sweep (CFG 3, 6, 9 × three style presets, one seed) through the API: it
 * costs $1.08 and fills; its contact sheet is a PNG of the grid; shared, its page shows the grid
 * with its axes to a visitor without cookies, prompts hidden.
 */
const STYLES = ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING", "DESIGN_SKETCH"];
const STYLE_NAMES = ["Photorealism", "Soft digital painting", "Design sketch"];

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a 3×3 sweep fills, its contact sheet is the grid as a PNG, and its share shows the grid to a visitor", async ({ request, browser, baseURL }) => {
  test.setTimeout(180_000);
  const prompt = `e2e sweep secret fox ${unique()}`;
  const created = await request.post("/api/sweeps", {
    data: {
      base: textImageBody({ prompt, seed: 1234 }),
      axes: [
        { field: "cfg_scale", values: [3, 6, 9] },
        { field: "style", values: STYLES },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const sweep = (await created.json()) as ApiSweep;
  expect([sweep.cells.length, sweep.estimatedCostUsd, sweep.seed]).toEqual([9, 1.08, 1234]);
  expect(sweep.axes.map((a) => a.label)).toEqual(["Prompt strength (CFG)", "Style"]);
  expect(sweep.axes[1].valueLabels).toEqual(STYLE_NAMES);

  let filled: ApiSweep = sweep;
  await expect
    .poll(
      async () => {
        filled = (await (await request.get(`/api/sweeps/${sweep.id}`)).json()) as ApiSweep;
        return filled.statuses.completed ?? 0;
      },
      { timeout: WAIT.job * 2, intervals: [500] },
    )
    .toBe(9);
  expect(new Set(filled.jobs.map((j) => j.seed))).toEqual(new Set([1234]));
  expect(filled.jobs.every((j) => j.images.length === 1)).toBe(true);

  const sheet = await request.get(`/api/sweeps/${sweep.id}/sheet.png?download`);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()["content-type"]).toBe("image/png");
  expect(sheet.headers()["content-disposition"]).toMatch(/^attachment; filename="sweep-prompt-strength-cfg-style-e2e-sweep-secret-fox-[a-z0-9-]+\.png"$/);
  // Three 256 px columns with 6 px gaps, a 180 px row label column, 24 px margins.
  const size = pngSize(await sheet.body());
  expect(size.width).toBe(24 + 180 + 6 + 3 * 256 + 2 * 6 + 24);
  expect(size.height).toBeGreaterThan(3 * 256);

  const shared = await request.post("/api/shares", { data: { sweepId: sweep.id, title: `e2e sweep ${unique()}`, showPrompts: false } });
  expect(shared.status(), await shared.text()).toBe(201);
  const share = (await shared.json()) as ApiShare;

  const visitor = await browser.newContext({ baseURL });
  try {
    const page = await visitor.newPage();
    await page.goto(share.path!);
    const grid = page.getByTestId("shared-grid");
    await expect(grid).toBeVisible();
    await expect(grid).toContainText("Across: Prompt strength (CFG)");
    await expect(grid).toContainText("Down: Style");
    const table = grid.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "3", exact: true })).toHaveCount(1);
    for (const name of STYLE_NAMES) await expect(table.getByRole("rowheader", { name })).toHaveCount(1);
    const images = grid.locator("img");
    await expect(images).toHaveCount(9);
    for (const img of await images.all()) await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expect(page.locator("body")).not.toContainText("secret fox");
  } finally {
    await visitor.close();
  }
});
