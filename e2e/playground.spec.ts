import { expect, test } from "@playwright/test";
import { GalleryPage, parseDollars } from "./pages/gallery-page";
import { naturalSize, PlaygroundPage } from "./pages/playground-page";
import { getJob, submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { WAIT } from "./support/env";
import { holdLateScripts } from "./support/late-scripts";

/** The offline app (baseURL): embedded database, built-in engine at 1.5–2.5 s per job. */

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test("a two-image run: estimate, progress, results, large view, reload and gallery", async ({ page, request }) => {
  test.setTimeout(120_000);
  // An older finished image, so "newest first" in the gallery has something to be newer than.
  const older = await submitJob(request, textImageBody({ prompt: `e2e older ocean ${unique()}` }));
  const olderImageId = (await waitForJobStatus(request, older.id, ["completed"])).images[0].id;

  const playground = new PlaygroundPage(page);
  await playground.goto();
  await expect(playground.offlineBanner).toBeVisible();
  await expect(playground.offlineBanner).toContainText("Offline engine");

  const prompt = `e2e lighthouse at dusk ${unique()}`;
  await playground.prompt.fill(prompt);
  await expect(playground.costEstimate).toContainText("1 × $0.12 = $0.12");
  await expect(playground.costEstimate).toContainText("1024 × 1024 px");

  await playground.numberOfImages.fill("2");
  await expect(playground.costEstimate).toContainText("2 × $0.12 = $0.24");

  const created = await playground.run("button");
  expect(created.imagesRequested).toBe(2);
  expect(created.prompt).toBe(prompt);

  const card = playground.jobCard(created.id);
  await expect(card).toHaveAttribute("data-status", /^(queued|processing)$/);
  await expect(playground.progressBar(created.id)).toBeVisible();

  await expect(card).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.progressBar(created.id)).toHaveCount(0);
  await expect(playground.resultImages(created.id)).toHaveCount(2);

  const job = await getJob(request, created.id);
  expect(job.status).toBe("completed");
  expect(job.images.map((i) => i.index).sort()).toEqual([0, 1]);
  // The form shows the seed this run used.
  await expect(playground.seed).toHaveValue(String(job.seed));

  for (const image of [...job.images].sort((a, b) => a.index - b.index)) {
    expect(image.seed, `image ${image.index} has a seed`).not.toBeNull();
    expect([image.width, image.height]).toEqual([1024, 1024]);
    // Each thumbnail's caption and its large-view button name that image's own seed.
    const item = playground.resultItem(created.id, image.index);
    await expect(item).toContainText(`Seed ${image.seed} · 1024 × 1024 · $0.12`);
    const open = playground.openResultButton(created.id, image.index);
    await expect(open).toHaveAccessibleName(`Open result ${image.index + 1} (seed ${image.seed}) in large view`);
    // The card shows a (square) thumbnail that really loaded.
    const thumb = item.getByTestId("result-image");
    await expect.poll(() => naturalSize(thumb)).toMatch(/^([1-9]\d*)x\1$/);

    // The large view shows the stored full-size image.
    await open.click();
    await expect(playground.dialog).toBeVisible();
    await expect(playground.dialog).toContainText(`Seed ${image.seed}`);
    await expect.poll(() => naturalSize(playground.dialogImage())).toBe("1024x1024");
    await page.keyboard.press("Escape");
    await expect(playground.dialog).toHaveCount(0);
  }

  await playground.reload();
  await expect(card).toHaveAttribute("data-status", "completed");
  await expect(playground.resultImages(created.id)).toHaveCount(2);
  for (const image of job.images) await expect(card).toContainText(`Seed ${image.seed}`);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
  const gallery = new GalleryPage(page);
  await expect(gallery.heading).toBeVisible();
  await expect(gallery.item(job.images[0].id)).toBeVisible();
  await expect(gallery.item(job.images[1].id)).toBeVisible();

  const ids = await gallery.imageIds();
  expect(new Set(ids.slice(0, 2)), "the newest job's images come first").toEqual(new Set(job.images.map((i) => i.id)));
  expect(ids.indexOf(olderImageId), "the older image is listed after the new ones").toBeGreaterThan(1);

  for (const image of job.images) {
    const item = gallery.item(image.id);
    await expect(item).toContainText("$0.12");
    await expect(item).toContainText(prompt);
  }
  await expect(gallery.spendToday).toHaveText(/^\$\d+\.\d{2,4}$/);
  expect(parseDollars(await gallery.spendToday.textContent())).toBeGreaterThanOrEqual(0.24);
  expect(parseDollars(await gallery.spendMonth.textContent())).toBeGreaterThanOrEqual(
    parseDollars(await gallery.spendToday.textContent()),
  );
});

test("Ctrl+Enter runs the form", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  const prompt = `e2e red kite over green hills ${unique()}`;
  await playground.prompt.fill(prompt);
  await expect(playground.runButton).toBeEnabled();

  const created = await playground.run("shortcut");
  expect(created.prompt).toBe(prompt);
  expect(created.imagesRequested).toBe(1);
  await expect(playground.jobCard(created.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.resultImages(created.id)).toHaveCount(1);
});

test("progress survives a reload while the job is in flight", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.prompt.fill(`e2e slow golden desert ${unique()}`);
  // Premium and large make the offline engine take 2.25 × as long: room for a reload.
  await playground.quality.selectOption("premium");
  await playground.size.selectOption("large");
  const created = await playground.run("button");

  const card = playground.jobCard(created.id);
  await expect(card).toHaveAttribute("data-status", /^(queued|processing)$/);
  await playground.reload();
  await expect(card, "the unfinished job is listed again after the reload").toHaveAttribute(
    "data-status",
    /^(queued|processing)$/,
  );
  await expect(playground.progressBar(created.id)).toBeVisible();

  await expect(card).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.resultImages(created.id)).toHaveCount(1);
  await expect(playground.jobCard(created.id), "the job is listed once").toHaveCount(1);
});

test("a prompt over 1024 characters shows an inline error and disables Run", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.goto();

  await playground.prompt.fill("a".repeat(1024));
  await playground.prompt.blur();
  await expect(playground.runButton).toBeEnabled();
  await expect(playground.promptError).toHaveCount(0);

  await playground.prompt.fill("a".repeat(1025));
  await playground.prompt.blur();
  await expect(playground.promptError).toBeVisible();
  await expect(playground.promptError).toContainText("1024");
  await expect(playground.prompt).toHaveAttribute("aria-invalid", "true");
  await expect(playground.runButton).toBeDisabled();
});

// Issue 9's lost click: Run was enabled while the style picker and the image input were still
// stand-ins; replacing them moved Run 208 px down between the press and the release, so the
// click went nowhere. Their code is held here, so the test sees that moment for as long as it likes.
test("Run waits until every control of the form is in place, then a click runs", async ({ page, request }) => {
  const scripts = await holdLateScripts(page, request, "/");
  const playground = new PlaygroundPage(page);
  await playground.goto();
  const prompt = `e2e heron in the reeds ${unique()}`;
  await playground.prompt.fill(prompt);
  await expect.poll(() => scripts.held(), "the controls' code was asked for and is held").toBeGreaterThan(0);
  await expect(playground.runButton).toBeDisabled();
  await expect(playground.runHint).toHaveText("Loading the form…");

  await scripts.release();
  await expect(playground.runButton).toBeEnabled();
  const created = await playground.run("button");
  expect(created.prompt).toBe(prompt);
});
