import { expect, type Locator, type Page } from "@playwright/test";
import type { ApiJob } from "../../lib/api-types";

/** The playground (/): the TEXT_IMAGE form on the left, the runs on the right. */
export class PlaygroundPage {
  readonly offlineBanner: Locator;
  readonly prompt: Locator;
  readonly promptError: Locator;
  readonly numberOfImages: Locator;
  readonly quality: Locator;
  readonly size: Locator;
  readonly seed: Locator;
  readonly costEstimate: Locator;
  readonly runButton: Locator;
  /** Beside Run: why it is disabled, or the shortcut. */
  readonly runHint: Locator;
  readonly submitError: Locator;
  /** Under Run: "12 requests left this minute · 3 runs waiting". */
  readonly budgetLine: Locator;
  /** Beside the estimate, with a cap: "$0.88 left today". */
  readonly spendLeft: Locator;
  /** Before Run, when the estimate is more than the cap has left. */
  readonly overCapWarning: Locator;
  readonly jobCards: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.offlineBanner = page.getByTestId("offline-banner");
    // exact: "Negative prompt" is a label too.
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.promptError = page.locator("#field-prompt-error");
    this.numberOfImages = page.getByLabel("Number of images");
    this.quality = page.getByLabel("Quality", { exact: true });
    this.size = page.getByLabel("Size", { exact: true });
    this.seed = page.getByLabel("Seed", { exact: true });
    this.costEstimate = page.getByTestId("cost-estimate");
    this.runButton = page.getByRole("button", { name: "Run", exact: true });
    this.runHint = page.getByTestId("run-hint");
    this.submitError = page.getByTestId("submit-error");
    this.budgetLine = page.getByTestId("budget-line");
    this.spendLeft = page.getByTestId("spend-left");
    this.overCapWarning = page.getByTestId("over-cap-warning");
    this.jobCards = page.getByTestId("job-card");
    this.dialog = page.getByRole("dialog");
  }

  /** Opens the playground and waits until the saved draft is loaded (the form is enabled). */
  async goto(): Promise<void> {
    await this.page.goto("/");
    await this.waitUntilReady();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.prompt).toBeEnabled();
  }

  /** Unfolds "More" (where the seed and prompt strength live) unless it is open. */
  async openMore(): Promise<void> {
    const more = this.page.getByTestId("more-fields");
    if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator("summary").click();
    await expect(more).toHaveAttribute("open", "");
  }

  /**
   * Runs the form (Run button or Ctrl+Enter inside the form) and returns the job the API created,
   * read from the browser's own POST /api/jobs response.
   */
  async run(via: "button" | "shortcut" = "button"): Promise<ApiJob> {
    const created = this.page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/jobs",
    );
    if (via === "button") {
      await this.runButton.click();
    } else {
      await this.prompt.focus();
      await this.page.keyboard.press("Control+Enter");
    }
    const response = await created;
    expect(response.status(), `POST /api/jobs: ${await response.text()}`).toBe(201);
    return (await response.json()) as ApiJob;
  }

  jobCard(jobId: string): Locator {
    return this.page.locator(`[data-testid="job-card"][data-job-id="${jobId}"]`);
  }

  /** A waiting run's "3rd in line · starts in about 40 s". */
  queuePlace(jobId: string): Locator {
    return this.jobCard(jobId).getByTestId("queue-place");
  }

  cancelRunButton(jobId: string): Locator {
    return this.jobCard(jobId).getByRole("button", { name: "Cancel run", exact: true });
  }

  cancelledNotice(jobId: string): Locator {
    return this.jobCard(jobId).getByTestId("cancelled-notice");
  }

  resultImages(jobId: string): Locator {
    return this.jobCard(jobId).getByTestId("result-image");
  }

  progressBar(jobId: string): Locator {
    return this.jobCard(jobId).getByRole("progressbar");
  }

  /** The list item of result `index` (0-based): thumbnail and its caption (seed, size, cost). */
  resultItem(jobId: string, index: number): Locator {
    return this.jobCard(jobId).getByRole("listitem").filter({ has: this.page.getByRole("button", { name: openResultName(index) }) });
  }

  /** The button around result `index` (0-based) that opens the large view. */
  openResultButton(jobId: string, index: number): Locator {
    return this.jobCard(jobId).getByRole("button", { name: openResultName(index) });
  }

  dialogImage(): Locator {
    return this.dialog.getByRole("img");
  }

  /** The "Use result N as…" menu button of result `index` (0-based) on the card. */
  useAsButton(jobId: string, index: number): Locator {
    return this.jobCard(jobId).getByRole("button", { name: `Use result ${index + 1} as…`, exact: true });
  }

  /** Opens "Use as…" of result `index` and picks `target` ("Inpainting: Image to edit", …). */
  async useResultAs(jobId: string, index: number, target: string): Promise<void> {
    await this.useAsButton(jobId, index).click();
    const menu = this.page.getByRole("menu", { name: `Use result ${index + 1} as…`, exact: true });
    await menu.getByRole("menuitem", { name: target, exact: true }).click();
    await expect(menu).toHaveCount(0);
  }

  copyRequestButton(jobId: string): Locator {
    return this.jobCard(jobId).getByRole("button", { name: "Copy request", exact: true });
  }

  /** The code of the open "Copy request" panel on the card. */
  copyRequestCode(jobId: string): Locator {
    return this.jobCard(jobId).getByTestId("copy-request-code");
  }
}

/** Accessible name of the button that opens result `index` (0-based): "Open result 2 (seed …) in large view". */
const openResultName = (index: number) => new RegExp(`^Open result ${index + 1} \\(`);

/** naturalWidth × naturalHeight of an <img> once it has loaded ("0x0" before). */
export async function naturalSize(img: Locator): Promise<string> {
  return img.evaluate((el) => {
    const image = el as HTMLImageElement;
    return image.complete ? `${image.naturalWidth}x${image.naturalHeight}` : "0x0";
  });
}
