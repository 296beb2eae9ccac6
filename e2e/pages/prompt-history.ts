import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { ApiPromptExport, ApiPromptImportResult } from "../../lib/api-types";

type SeedEntry = ApiPromptExport["entries"][number] | { kind: "prompt" | "negative"; text: string; useCount?: number; firstUsedAt?: string; lastUsedAt?: string; pinned?: boolean };

/** Puts entries in the history through the app's own import (how a prompt "used yesterday" is made). */
export async function seedPrompts(request: APIRequestContext, entries: SeedEntry[]): Promise<ApiPromptImportResult> {
  const res = await request.post("/api/prompts/import", { data: { entries } });
  expect(res.status(), `POST /api/prompts/import: ${await res.text()}`).toBe(200);
  return (await res.json()) as ApiPromptImportResult;
}

/** Noon of the day before today, in this machine's zone (the browser's too): "yesterday" whatever the hour. */
export function yesterdayNoon(): Date {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  d.setHours(12, 0, 0, 0);
  return d;
}

/** The prompt palette, opened from a prompt field of the playground. */
export class PromptPalette {
  readonly dialog: Locator;
  readonly search: Locator;
  readonly listbox: Locator;
  readonly options: Locator;
  readonly highlighted: Locator;
  readonly details: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId("prompt-palette");
    this.search = this.dialog.getByRole("combobox");
    this.listbox = this.dialog.getByRole("listbox");
    this.options = this.dialog.getByRole("option");
    this.highlighted = this.dialog.locator('[role="option"][aria-selected="true"]');
    this.details = this.dialog.getByTestId("palette-details");
    this.count = this.dialog.getByTestId("palette-count");
  }

  /** Ctrl+K in the field; the search box has the focus once it is open. */
  async openFrom(field: Locator): Promise<void> {
    await field.focus();
    await this.page.keyboard.press("Control+K");
    await expect(this.search).toBeFocused();
  }

  /** Types a search and waits until its answer (not the last search's) lists exactly these texts, in order. */
  async searchFor(words: string, texts: string[]): Promise<void> {
    await this.search.fill(words);
    await expect(this.listbox).toHaveAttribute("aria-busy", "false");
    await expect(this.options).toHaveCount(texts.length);
    for (const [i, text] of texts.entries()) await expect(this.options.nth(i)).toContainText(text);
  }
}

/** The /prompts page: search, rows, pin, delete, export and import. */
export class PromptsPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly importPanel: Locator;
  readonly importResult: Locator;
  readonly importError: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole("searchbox", { name: "Search" });
    this.rows = page.getByTestId("prompt-row");
    this.importPanel = page.getByTestId("prompt-import");
    this.importResult = page.getByTestId("import-result");
    this.importError = page.getByTestId("import-error");
  }

  async goto(): Promise<void> {
    await this.page.goto("/prompts");
    await expect(this.page.getByRole("heading", { name: "Prompt history" })).toBeVisible();
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Clicks Export and returns the downloaded file's JSON. */
  async exportFile(): Promise<{ name: string; json: ApiPromptExport; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: "Export JSON" }).click()]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(path);
    return { name: download.suggestedFilename(), json: JSON.parse(bytes.toString("utf8")) as ApiPromptExport, bytes };
  }

  async importThroughPicker(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByLabel("Prompt history file to import").setInputFiles({ name, mimeType: "application/json", buffer: bytes });
  }

  /** Drops a file on the import panel (dragover, drop), as dragging it from the desktop would. */
  async importByDrop(name: string, bytes: Buffer): Promise<void> {
    await this.importPanel.evaluate(
      (el, { b64, name }) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: "application/json" }));
        for (const kind of ["dragenter", "dragover", "drop"]) el.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      { b64: bytes.toString("base64"), name },
    );
  }
}
