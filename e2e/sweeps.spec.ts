import { expect, test, type Page } from "@playwright/test";
import { SweepBuilder, SweepPage } from "./pages/sweep-page";
import { PlaygroundPage } from "./pages/playground-page";
import { getJob } from "./support/api";
import { MODELS } from "./support/models";
import { unique } from "./support/runs";
import { STYLE_LABELS } from "../lib/models/nova-canvas/style-labels";

/** Sweeps on the offline engine (a 600-a-minute account, so nine runs finish quickly). */

// In the order the style list shows them (the grid follows it).
const STYLES = ["DESIGN_SKETCH", "PHOTOREALISM", "SOFT_DIGITAL_PAINTING"] as const;
const styleLabels = STYLES.map((s) => STYLE_LABELS[s].label);

/**
 * The playground's TEXT_IMAGE form with `prompt` and, with `seed`, that seed locked; then the
 * sweep builder opened over it.
 */
async function builderOver(page: Page, prompt: string, seed?: number): Promise<SweepBuilder> {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.prompt.fill(prompt);
  if (seed !== undefined) {
    await playground.seed.fill(String(seed));
    const lock = page.getByRole("button", { name: "Lock seed", exact: true });
    if ((await lock.getAttribute("aria-pressed")) !== "true") await lock.click();
    await expect(lock).toHaveAttribute("aria-pressed", "true");
  }
  const builder = new SweepBuilder(page);
  await builder.openFrom(prompt);
  return builder;
}

test("a 3×3 sweep (CFG 3, 6, 9 × three styles, fixed seed): 9 cells, 9 images, $1.08; the grid fills; swap axes swaps the labels", async ({ page, request }) => {
  test.setTimeout(180_000);
  const prompt = `e2e sweep lighthouse ${unique()}`;
  const builder = await builderOver(page, prompt, 4242);

  await builder.addAxis("Prompt strength (CFG)");
  await builder.values(0).fill("3, 6, 9");
  await builder.addAxis("Style");
  await builder.tick(1, styleLabels);
  await expect(builder.root.getByTestId("sweep-seed").getByRole("radio", { name: "the form's (4242)" })).toBeChecked();
  await expect(builder.shape).toHaveText("3 × 3");
  await expect(builder.cells).toHaveText("9 cells");
  await expect(builder.images).toHaveText("9 images");
  await expect(builder.total).toHaveText("$1.08");
  await expect(builder.runButton).toBeEnabled();

  const sweep = await builder.run();
  expect(sweep.shape).toEqual([3, 3, 1]);
  expect(sweep.seed).toBe(4242);
  const grid = new SweepPage(page);
  await expect(grid.cells).toHaveCount(9);
  await expect(grid.colLabels).toHaveText(["3", "6", "9"]);
  await expect(grid.rowLabels).toHaveText(styleLabels);
  await grid.expectCompleted([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  await expect(grid.progress).toContainText("9 of 9 done · $1.08 of $1.08");
  await expect(page.getByRole("link", { name: "Contact sheet (PNG)" })).toHaveAttribute("href", `/api/sweeps/${sweep.id}/sheet.png?download`);

  // Every cell ran with the fixed seed and its own values.
  const cell = sweep.cells.find((c) => c.x === 2 && c.y === 1)!;
  const job = await getJob(request, cell.jobId!);
  expect(job.params).toMatchObject({ cfg_scale: 9, style: STYLES[1], seed: 4242, prompt });

  await grid.swapAxes.click();
  await expect(grid.colLabels).toHaveText(styleLabels);
  await expect(grid.rowLabels).toHaveText(["3", "6", "9"]);
  // The cell at CFG 9 × the second style is now in the third row, second column.
  await expect(grid.grid.locator("tbody tr").nth(2).locator("td").nth(1).getByTestId("sweep-cell")).toHaveAttribute("data-position", String(cell.position));

  // The large view of a cell shows its parameters.
  await grid.cell(cell.position).getByRole("button", { name: /^Open cell/ }).click();
  const detail = page.getByTestId("gallery-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId("job-params")).toContainText("4242");
  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);

  // Compare two ticked cells in the existing compare view.
  await grid.cell(0).getByRole("checkbox").check();
  await grid.cell(cell.position).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Compare (2)", exact: true }).click();
  const compare = page.getByTestId("compare-dialog");
  await expect(compare.getByTestId("compare-panel")).toHaveCount(2);
  await expect(compare.getByTestId("compare-params").locator("tr", { hasText: "cfg_scale" })).toHaveAttribute("data-differs", "true");

  // The sweep is listed.
  await page.goto("/sweeps");
  await expect(page.getByTestId("sweep-row").filter({ hasText: prompt.slice(0, 30) }).first()).toContainText("Prompt strength (CFG) 3 × Style 3");
});

test("Compare models: one row per model, each at its own price", async ({ page }) => {
  test.setTimeout(120_000);
  const prompt = `e2e sweep compare ${unique()}`;
  const builder = await builderOver(page, prompt);

  await builder.root.getByRole("button", { name: "Compare models", exact: true }).click();
  await expect(builder.root.getByRole("group", { name: "X axis values" }).getByRole("checkbox", { checked: true })).toHaveCount(3);
  await expect(builder.modelPrices).toHaveText([
    `${MODELS.nova.label}: 1 run · ${MODELS.nova.oneImage}`,
    `${MODELS.flux.label}: 1 run · ${MODELS.flux.oneImage}`,
    `${MODELS.seedream.label}: 1 run · ${MODELS.seedream.oneImage}`,
  ]);
  await expect(builder.total).toHaveText("$0.1635");
  await expect(builder.root.getByTestId("sweep-seed").getByRole("radio", { name: "a random one, shared by every cell" })).toBeChecked();

  const sweep = await builder.run();
  const grid = new SweepPage(page);
  await expect(grid.rowLabels).toHaveText([MODELS.nova.label, MODELS.flux.label, MODELS.seedream.label]);
  await expect(grid.colLabels).toHaveCount(0);
  await grid.expectCompleted([0, 1, 2]);
  await expect(grid.cell(1).getByTestId("sweep-cell-facts")).toContainText(MODELS.flux.oneImage);
  expect(sweep.jobs.map((j) => j.model).sort()).toEqual([MODELS.nova.id, MODELS.flux.id, MODELS.seedream.id].sort());
  expect(new Set(sweep.jobs.map((j) => j.seed)).size).toBe(1);
});

test("a refused cell is named and Run stays disabled until it is left out", async ({ page }) => {
  test.setTimeout(120_000);
  const prompt = `e2e sweep refused ${unique()}`;
  const builder = await builderOver(page, prompt, 7);

  await builder.addAxis("Prompt strength (CFG)");
  await builder.values(0).fill("6, 12");
  await expect(builder.refused).toHaveCount(1);
  await expect(builder.refused).toContainText(/^Cell 2 \(12\): cfg_scale .*10/);
  await expect(builder.runButton).toBeDisabled();
  await expect(builder.runHint).toHaveText(/1 cell would be refused/);

  await builder.root.getByRole("button", { name: "Leave out Cell 2 (12)", exact: true }).click();
  await expect(builder.refused).toHaveCount(0);
  await expect(builder.root.getByTestId("sweep-dropped")).toContainText("Cell 2 (12)");
  await expect(builder.total).toHaveText("$0.12");
  await expect(builder.runButton).toBeEnabled();

  const sweep = await builder.run();
  expect(sweep.cells.find((c) => c.position === 1)?.jobId).toBeNull();
  const grid = new SweepPage(page);
  await expect(grid.cell(1)).toHaveAttribute("data-state", "left-out");
  await expect(grid.cell(1)).toContainText("Left out before Run");
  await grid.expectCompleted([0]);
});
