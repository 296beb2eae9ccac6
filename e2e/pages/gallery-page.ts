import { expect, type Locator, type Page } from "@playwright/test";

/** The gallery (/gallery): spend summary and every image newest first. */
export class GalleryPage {
  readonly heading: Locator;
  readonly items: Locator;
  readonly spendToday: Locator;
  readonly spendMonth: Locator;
  /** The runs above the images: in progress, waiting, recently failed or cancelled. */
  readonly inFlight: Locator;
  /** "Cancel all waiting (N)" (asks first). */
  readonly cancelAllWaiting: Locator;
  /** "Cancelled 3 waiting runs." after it. */
  readonly cancelAllResult: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Gallery", level: 1 });
    this.items = page.getByTestId("gallery-item");
    this.spendToday = page.getByTestId("spend-today");
    this.spendMonth = page.getByTestId("spend-month");
    this.inFlight = page.getByRole("region", { name: "Current runs, recent failures and cancellations" });
    this.cancelAllWaiting = page.getByRole("button", { name: /^Cancel all waiting \(\d+\)$/ });
    this.cancelAllResult = page.getByTestId("cancel-all-result");
  }

  async goto(): Promise<void> {
    await this.page.goto("/gallery");
    await expect(this.heading).toBeVisible();
  }

  /** A run's card in the list above the images. */
  jobCard(jobId: string): Locator {
    return this.inFlight.locator(`[data-testid="job-card"][data-job-id="${jobId}"]`);
  }

  item(imageId: string): Locator {
    return this.page.locator(`[data-testid="gallery-item"][data-image-id="${imageId}"]`);
  }

  /** The data-image-id of every listed item, in page order. */
  async imageIds(): Promise<string[]> {
    return this.items.evaluateAll((els) => els.map((el) => el.getAttribute("data-image-id") ?? ""));
  }
}

/** "$1.23" → 1.23 (NaN for anything else, so a comparison with it fails). */
export function parseDollars(text: string | null): number {
  const m = /^\s*\$(\d+(?:\.\d+)?)\s*$/.exec(text ?? "");
  return m ? Number(m[1]) : Number.NaN;
}
