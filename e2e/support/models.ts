import { expect, type Locator, type Page } from "@playwright/test";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "../../lib/emulator/catalog/models";
import { novaCanvas } from "../../lib/models/nova-canvas/definition";

/** The models the offline server offers (the built-in one and the engine's catalog), as the picker names them. */
export const MODELS = {
  nova: { id: novaCanvas.id, label: "Amazon Nova Canvas", oneImage: "$0.12" },
  flux: { id: FLUX_KLEIN_ID, label: "FLUX.2 [klein] 4B", oneImage: "$0.0085" },
  seedream: { id: SEEDREAM_LITE_ID, label: "Seedream 5.0 Lite", oneImage: "$0.035" },
} as const;

export type ModelName = keyof typeof MODELS;

/** The model picker above the form: a labelled native select. */
export class ModelPicker {
  readonly select: Locator;

  constructor(readonly page: Page) {
    this.select = page.getByLabel("Model", { exact: true });
  }

  /** Waits until the offered models are listed (the select is enabled once they are). */
  async waitForModels(): Promise<void> {
    await expect(this.select).toBeEnabled();
    await expect(this.select.locator("option")).not.toHaveCount(1);
  }

  async choose(model: ModelName): Promise<void> {
    await this.waitForModels();
    await this.select.selectOption(MODELS[model].id);
    await expect(this.select).toHaveValue(MODELS[model].id);
  }
}
