import { expect, type Locator, type Page } from "@playwright/test";
import type { ApiSweep } from "../../lib/api-types";

const AXES = ["X", "Y", "Z"] as const;

/**
 * The sweep builder dialog, opened with "Sweep…" over the playground's saved form. Until the
 * run bar carries the launcher, it is opened from the sweeps page (/sweeps), which reads the
 * same saved form.
 */
export class SweepBuilder {
  readonly root: Locator;
  readonly preview: Locator;
  readonly shape: Locator;
  readonly cells: Locator;
  readonly images: Locator;
  readonly total: Locator;
  readonly modelPrices: Locator;
  readonly refused: Locator;
  readonly runButton: Locator;
  readonly runHint: Locator;
  readonly serverError: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("sweep-builder");
    this.preview = this.root.getByTestId("sweep-preview");
    this.shape = this.root.getByTestId("sweep-shape");
    this.cells = this.root.getByTestId("sweep-cells");
    this.images = this.root.getByTestId("sweep-images");
    this.total = this.root.getByTestId("sweep-total");
    this.modelPrices = this.root.getByTestId("sweep-model-prices").getByRole("listitem");
    this.refused = this.root.getByTestId("sweep-refused-cell");
    this.runButton = this.root.getByRole("button", { name: "Run sweep", exact: true });
    this.runHint = this.root.getByTestId("sweep-run-hint");
    this.serverError = this.root.getByTestId("sweep-server-error");
  }

  /** Saves the form as the playground has it (localStorage), then opens the builder from /sweeps. */
  async openFrom(prompt: string): Promise<void> {
    await this.page.waitForFunction((p) => (localStorage.getItem("nova-canvas.text-image-draft") ?? "").includes(p), prompt);
    await this.page.goto("/sweeps");
    await this.page.getByRole("button", { name: "Sweep…", exact: true }).click();
    await expect(this.root.getByRole("button", { name: "Add axis", exact: true })).toBeVisible();
  }

  async addAxis(varies: string): Promise<void> {
    const index = await this.root.getByTestId("sweep-axis").count();
    await this.root.getByRole("button", { name: "Add axis", exact: true }).click();
    await this.varies(index).selectOption({ label: varies });
  }

  varies(index: number): Locator {
    return this.root.getByLabel(`${AXES[index]} axis varies`, { exact: true });
  }

  values(index: number): Locator {
    return this.root.getByLabel(`${AXES[index]} axis values`, { exact: true });
  }

  /** Ticks exactly `labels` in a list axis (options, models). */
  async tick(index: number, labels: string[]): Promise<void> {
    const group = this.root.getByRole("group", { name: `${AXES[index]} axis values` });
    for (const box of await group.getByRole("checkbox").all()) await box.uncheck();
    for (const label of labels) await group.getByRole("checkbox", { name: label, exact: true }).check();
  }

  /** Presses Run and returns the sweep the API made (201), once its page is open. */
  async run(): Promise<ApiSweep> {
    const created = this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/sweeps");
    await this.runButton.click();
    const response = await created;
    expect(response.status(), `POST /api/sweeps: ${await response.text()}`).toBe(201);
    const sweep = (await response.json()) as ApiSweep;
    await expect(this.page).toHaveURL(new RegExp(`/sweeps/${sweep.id}$`));
    return sweep;
  }
}

/** A sweep's page (/sweeps/{id}): toolbar, grid, cells. */
export class SweepPage {
  readonly grid: Locator;
  readonly cells: Locator;
  readonly colLabels: Locator;
  readonly rowLabels: Locator;
  readonly progress: Locator;
  readonly swapAxes: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId("sweep-grid");
    this.cells = page.getByTestId("sweep-cell");
    this.colLabels = page.getByTestId("sweep-col-label");
    this.rowLabels = page.getByTestId("sweep-row-label");
    this.progress = page.getByTestId("sweep-progress");
    this.swapAxes = page.getByRole("button", { name: "Swap axes", exact: true });
  }

  cell(position: number): Locator {
    return this.page.locator(`[data-testid="sweep-cell"][data-position="${position}"]`);
  }

  /** Waits until every listed cell is completed and its thumbnail has loaded. */
  async expectCompleted(positions: number[]): Promise<void> {
    for (const p of positions) {
      await expect(this.cell(p)).toHaveAttribute("data-state", "completed", { timeout: 60_000 });
      const img = this.cell(p).getByTestId("sweep-cell-image").first();
      // Thumbnails load lazily: bring each into view first.
      await img.scrollIntoViewIfNeeded();
      await expect(img).toBeVisible();
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0)).toBe(true);
    }
  }
}
