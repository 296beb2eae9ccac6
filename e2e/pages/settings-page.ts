import { expect, type Locator, type Page } from "@playwright/test";

/** Settings (/settings): the spending caps form, where each cap period stands, the request budget, the ledger. */
export class SettingsPage {
  readonly heading: Locator;
  readonly dailyCap: Locator;
  readonly monthlyCap: Locator;
  readonly saveButton: Locator;
  /** "Saved. …" after a successful save. */
  readonly saved: Locator;
  readonly dayCap: Locator;
  readonly daySpent: Locator;
  readonly dayLeft: Locator;
  readonly requestsUsed: Locator;
  readonly timeZoneNote: Locator;
  readonly ledgerLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Settings", level: 1 });
    this.dailyCap = page.getByLabel("Daily cap (USD)");
    this.monthlyCap = page.getByLabel("Monthly cap (USD)");
    this.saveButton = page.getByRole("button", { name: "Save caps" });
    this.saved = page.getByTestId("caps-saved");
    this.dayCap = page.getByTestId("day-cap");
    this.daySpent = page.getByTestId("day-spent");
    this.dayLeft = page.getByTestId("day-left");
    this.requestsUsed = page.getByTestId("requests-used");
    this.timeZoneNote = page.getByTestId("time-zone-note");
    this.ledgerLink = page.getByRole("link", { name: "Download ledger (CSV)" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/settings");
    await this.waitUntilReady();
  }

  /** The caps form appears once the saved caps and their ceilings are loaded. */
  async waitUntilReady(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.dailyCap).toBeEditable();
  }

  /** Types a daily cap in dollars ("" for none), saves, and waits for the server's yes. */
  async saveDailyCap(usd: string): Promise<void> {
    await this.dailyCap.fill(usd);
    await this.saveButton.click();
    await expect(this.saved).toBeVisible();
  }
}
