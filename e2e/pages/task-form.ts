import { expect, type Locator, type Page } from "@playwright/test";
import type { FilePayload } from "../support/images";

/** The task switcher's labels (what a person clicks), by task type. */
export const TASK_LABEL = {
  TEXT_IMAGE: "Text to image",
  IMAGE_VARIATION: "Image variation",
  INPAINTING: "Inpainting",
  OUTPAINTING: "Outpainting",
  COLOR_GUIDED_GENERATION: "Colour-guided generation",
  BACKGROUND_REMOVAL: "Background removal",
  VIRTUAL_TRY_ON: "Virtual try-on",
} as const;

export type TaskTypeName = keyof typeof TASK_LABEL;

/**
 * The playground form beyond the prompt: the task switcher and each task's own controls
 * (image inputs, palette, mask source, try-on). PlaygroundPage keeps the shared controls.
 */
export class TaskForm {
  readonly taskTypes: Locator;

  constructor(readonly page: Page) {
    this.taskTypes = page.getByRole("radiogroup", { name: "Task type" });
  }

  /** Switches the form to `task` through the "Task type" radios and waits for its form. */
  async choose(task: TaskTypeName): Promise<void> {
    const label = TASK_LABEL[task];
    await this.taskTypes.getByText(label, { exact: true }).click();
    await expect(this.taskTypes.getByRole("radio", { name: label, exact: true })).toBeChecked();
    await expect(this.form(task)).toBeVisible();
  }

  /** The <form>, named after the chosen task. */
  form(task: TaskTypeName): Locator {
    return this.page.getByRole("form", { name: TASK_LABEL[task] });
  }

  /** A single image input by request field: "image", "reference_image", "mask_image". */
  image(field: string): ImageField {
    return new ImageField(this.page, field);
  }

  /** IMAGE_VARIATION's source images. */
  images(): ImageField {
    return new ImageField(this.page, "images");
  }

  get controlStrength(): Locator {
    return this.page.getByLabel("Control strength", { exact: true });
  }

  get aspectRatio(): Locator {
    return this.page.getByLabel("Aspect ratio", { exact: true });
  }

  get maskPrompt(): Locator {
    return this.page.getByLabel("Mask prompt", { exact: true });
  }

  get outpaintingMode(): Locator {
    return this.page.getByLabel("Outpainting mode", { exact: true });
  }

  /**
   * The mask drawn over its image, shown once both are set. It loads lazily and is much taller
   * than its placeholder, so wait for it before clicking anything below it (Run moves down).
   */
  get maskOverlay(): Locator {
    return this.page.getByRole("img", { name: "Image with the area to change shown in red", exact: true });
  }

  get garmentClass(): Locator {
    return this.page.getByLabel("Garment class", { exact: true });
  }

  /** A radio of a segmented control ("Mask source", "Where the garment goes"…) by its group and option text. */
  segment(group: string, option: string): Locator {
    return this.page.getByRole("radiogroup", { name: group, exact: true }).getByRole("radio", { name: optionName(option) });
  }

  async chooseSegment(group: string, option: string): Promise<void> {
    // The native radio is visually hidden; its label is what a person clicks.
    const label = this.page
      .getByRole("radiogroup", { name: group, exact: true })
      .locator("label")
      .filter({ has: this.page.getByRole("radio", { name: optionName(option) }) });
    await label.click();
    await expect(this.segment(group, option)).toBeChecked();
  }

  paletteHex(n: number): Locator {
    return this.page.getByLabel(`Colour ${n} hex`, { exact: true });
  }

  removeColour(n: number): Locator {
    return this.page.getByRole("button", { name: `Remove colour ${n}`, exact: true });
  }

  /** Replaces the palette with `colours` by typing each hex value (removing the extra rows). */
  async setPalette(colours: string[]): Promise<void> {
    const rows = this.page.getByLabel(/^Colour \d+ hex$/);
    // The palette editor loads after the task is chosen: counting its rows before it is in place
    // reads 0, and the loops below would add to the starter palette instead of trimming it.
    await expect(this.page.getByRole("button", { name: "Add colour", exact: true })).toBeVisible();
    while ((await rows.count()) > colours.length) await this.removeColour(await rows.count()).click();
    while ((await rows.count()) < colours.length) await this.page.getByRole("button", { name: "Add colour", exact: true }).click();
    for (const [i, c] of colours.entries()) {
      const box = this.paletteHex(i + 1);
      await box.fill(c);
      await box.blur();
      await expect(box).toHaveValue(c.toUpperCase());
    }
    await expect(rows).toHaveCount(colours.length);
  }
}

/** One image input (ImageInput or MultiImageInput), found by its request field. */
export class ImageField {
  readonly root: Locator;
  /** The drop zone (empty field) — the field's focusable control. */
  readonly dropZone: Locator;
  readonly fileInput: Locator;
  /** Problems with their fix buttons (single inputs). */
  readonly problems: Locator;
  /** Reading status, notices ("Downscaled from …") and load errors (single inputs). */
  readonly status: Locator;

  constructor(readonly page: Page, readonly field: string) {
    this.root = page.locator(`[data-image-input="${field}"]`);
    this.dropZone = page.locator(`#field-${field}`);
    this.fileInput = this.root.locator('input[type="file"]');
    this.problems = page.locator(`#field-${field}-problems`);
    this.status = page.locator(`#field-${field}-status`);
  }

  /** Waits for the lazily loaded input to be there. */
  async ready(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.fileInput).toBeAttached();
  }

  /** Chooses files through the field's own file input. */
  async choose(files: FilePayload | FilePayload[]): Promise<void> {
    await this.ready();
    await this.fileInput.setInputFiles(files);
  }

  /** A paste (Ctrl+V) of `file` while the field's drop zone has focus, as a screenshot paste arrives. */
  async paste(file: FilePayload): Promise<void> {
    await this.ready();
    await this.dropZone.focus();
    await this.page.evaluate(
      ({ b64, name, type }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], name, { type }));
        const target = document.activeElement ?? document.body;
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { b64: file.buffer.toString("base64"), name: file.name, type: file.mimeType },
    );
  }

  /** Drags `file` onto the field and drops it (dragenter, dragover, drop). */
  async drop(file: FilePayload): Promise<void> {
    await this.ready();
    await this.dropZone.evaluate(
      (el, { b64, name, type }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], name, { type }));
        for (const kind of ["dragenter", "dragover", "drop"]) {
          el.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      },
      { b64: file.buffer.toString("base64"), name: file.name, type: file.mimeType },
    );
  }

  /** "From gallery", then the thumbnail whose accessible name matches `name`. */
  async fromGallery(name: RegExp): Promise<void> {
    await this.ready();
    await this.root.getByRole("button", { name: "From gallery", exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: /from the gallery$/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** A problem row (message and its fix buttons) whose text matches. */
  problem(text: string | RegExp): Locator {
    return this.problems.getByRole("listitem").filter({ hasText: text });
  }
}

/** A segment's radio is named by its label, then ": description" when it has one. */
const optionName = (option: string) => new RegExp(`^${escapeRegExp(option)}(\\s*:|$)`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
