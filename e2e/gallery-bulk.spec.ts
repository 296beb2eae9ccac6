import { expect, test, type APIRequestContext } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { answerConfirm } from "./support/dialogs";
import { submitJob, textImageBody, waitForJobStatus, type GalleryPage as GalleryJson } from "./support/api";
import { runToCompletion, unique } from "./support/runs";

/** Bulk actions on a whole filtered view (not only the loaded cards), sharing a view, lineage. */

const favourites = async (request: APIRequestContext, word: string) =>
  ((await (await request.get(`/api/gallery?q=${word}&favorites=1`)).json()) as GalleryJson).items.map((i) => i.id).sort();

test("select all in a filtered view, star and unstar them in bulk, share the view", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const word = `egret${unique()}`;
  const jobs = await Promise.all([1, 2, 3].map((i) => submitJob(request, textImageBody({ prompt: `e2e ${word} number ${i}` }))));
  const ids = (await Promise.all(jobs.map((j) => waitForJobStatus(request, j.id, ["completed"])))).map((j) => j.images[0].id).sort();

  const gallery = new GalleryPage(page);
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await page.goto(`/gallery?q=${word}`);
  await expect(gallery.items).toHaveCount(3);

  // "Select all in this view" asks the server for the filter's ids, then bulk-stars them.
  await bar.getByRole("button", { name: "Select all in this view" }).click();
  await expect(bar).toContainText("3 selected");
  await bar.getByRole("button", { name: "★ Favourite" }).click();
  for (const id of ids) await expect(gallery.item(id).getByRole("button", { name: /^Favourite:/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => favourites(request, word)).toEqual(ids);

  // Unstar all of them from the favourites view, by keyboard: Ctrl+A selects the view, Esc clears.
  await page.goto(`/gallery?q=${word}&favorites=1`);
  await expect(gallery.items).toHaveCount(3);
  await page.keyboard.press("Control+a");
  await expect(bar).toContainText("3 selected");
  await page.keyboard.press("Escape");
  await expect(bar).toContainText("Click images to select them");
  await page.keyboard.press("Control+a");
  await expect(bar).toContainText("3 selected");
  await bar.getByRole("button", { name: "☆ Unfavourite" }).click();
  await expect(page.getByText("No images match these filters.")).toBeVisible();
  expect(await favourites(request, word)).toEqual([]);

  // Share the view itself, with nothing selected: its title says what the view is.
  await page.goto(`/gallery?q=${word}`);
  await expect(bar, "a fresh page load starts with nothing selected").toContainText("Click images to select them");
  await bar.getByRole("button", { name: "Share this view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share 3 images" });
  await expect(dialog.getByLabel("Title")).toHaveValue(`“${word}”`);
  await expect(dialog).toContainText("Every image in this view, as it is now: 3 images.");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("dialog", { name: "Shared" }).getByLabel("Share link").inputValue();

  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  expect((await v.goto(new URL(link).pathname))?.status()).toBe(200);
  await expect(v.getByTestId("share-grid").getByRole("img")).toHaveCount(3);
  await visitor.close();

  // Delete asks first (naming the share they are now in); saying no keeps all three.
  await page.getByRole("dialog", { name: "Shared" }).getByRole("button", { name: "Done" }).click();
  await page.keyboard.press("Control+a");
  await expect(bar).toContainText("3 selected");
  const question = await answerConfirm(page, () => page.keyboard.press("Delete"), "dismiss");
  expect(question).toContain("Delete these 3 images?");
  expect(question).toContain("1 shared gallery");
  await expect(gallery.items).toHaveCount(3);
  for (const id of ids) expect((await request.get(`/api/images/${id}/file`)).status()).toBe(200);
});

test("select all in a view larger than one action takes: the first 500, and it says so", async ({ page, request }) => {
  test.setTimeout(120_000);
  // The whole gallery of this server holds fewer than 500 unless the scale test ran on it; either
  // way the count the bar shows is what the ids endpoint returned.
  const res = await request.get("/api/gallery/ids");
  const { ids, total, max } = (await res.json()) as { ids: string[]; total: number; max: number };
  expect(max).toBe(500);
  expect(ids.length).toBe(Math.min(total, 500));
  await page.goto("/gallery");
  const bar = page.getByRole("toolbar", { name: "Selection" });
  await bar.getByRole("button", { name: "Select all in the gallery" }).click();
  await expect(bar).toContainText(`${ids.length.toLocaleString("en-US")} selected`);
  if (total > 500) await expect(bar).toContainText(`the first 500 of ${total.toLocaleString("en-US")}`);
  expect((await request.get("/api/gallery/ids?sort=sideways")).status()).toBe(422);
});

test("the large view shows lineage both ways, and reuses a job's parameters in the playground", async ({ page, request }) => {
  test.setTimeout(150_000);
  const word = `ibis${unique()}`;
  const parentJob = await submitJob(request, textImageBody({ prompt: `e2e ${word} parent` }));
  const parent = (await waitForJobStatus(request, parentJob.id, ["completed"])).images[0];

  // Parent → "Use as… Image variation: Source image" → run in the playground.
  const gallery = new GalleryPage(page);
  await page.goto(`/gallery?q=${word}`);
  await gallery.item(parent.id).getByRole("button", { name: /^Open image in large view/ }).click();
  const detail = page.getByTestId("gallery-detail");
  await detail.getByRole("button", { name: "Use this image as…" }).click();
  await page.getByRole("menuitem", { name: "Image variation: Source image", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  const playground = new PlaygroundPage(page);
  await playground.prompt.fill(`e2e ${word} child`);
  await expect(playground.runButton, "Run is enabled (if not, the run bar says why)").toBeEnabled();
  const child = await runToCompletion(playground, request);
  expect(child.inputs.map((i) => i.sourceImageId), "the job records where its input came from").toEqual([parent.id]);
  const childImage = child.images[0];

  // The parent lists the child; a click opens it, and the child lists the parent.
  await page.goto(`/gallery?q=${word}`);
  await gallery.item(parent.id).getByRole("button", { name: /^Open image in large view/ }).click();
  const lineage = detail.getByTestId("image-lineage");
  await expect(lineage.getByRole("list", { name: "Used to make" }).locator("button")).toHaveCount(1);
  await expect(lineage.getByRole("list", { name: "Made from" })).toHaveCount(0);
  await lineage.locator(`button[data-image-id="${childImage.id}"]`).click();
  await expect(page.getByTestId("gallery-detail")).toHaveAttribute("aria-label", `e2e ${word} child`);
  const childLineage = page.getByTestId("gallery-detail").getByTestId("image-lineage");
  await expect(childLineage.getByRole("list", { name: "Made from" }).locator(`button[data-image-id="${parent.id}"]`)).toBeVisible();

  // "Reuse parameters" fills the variation form (prompt and source image) and goes there.
  await page.getByTestId("gallery-detail").getByRole("button", { name: "Reuse parameters" }).click();
  await expect(page).toHaveURL(/\/$/);
  const form = new TaskForm(page);
  await expect(form.taskTypes.getByRole("radio", { name: "Image variation", exact: true })).toBeChecked();
  await expect(playground.prompt).toHaveValue(`e2e ${word} child`);
  await expect(playground.runButton, "Run is enabled (if not, the run bar says why)").toBeEnabled();
  const again = await runToCompletion(playground, request);
  expect(again.taskType).toBe("IMAGE_VARIATION");
  expect(again.inputs.map((i) => i.sourceImageId), "the reused source image is the parent").toEqual([parent.id]);
});
