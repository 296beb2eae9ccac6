import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { unique } from "./support/runs";

/** Favourite → filter → search → sort, through the gallery's own controls; the URL keeps the view. */
test("favourite an image, show favourites only, search prompts, sort by cost; a reload keeps the view", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `zebra${unique()}`;
  const cheap = await submitJob(request, textImageBody({ prompt: `e2e ${word} on a beach`, quality: "standard" }));
  const dear = await submitJob(request, textImageBody({ prompt: `e2e ${word} in the snow`, quality: "premium" }));
  const other = await submitJob(request, textImageBody({ prompt: `e2e a quiet harbour ${unique()}` }));
  const [c, d, o] = await Promise.all([cheap, dear, other].map((j) => waitForJobStatus(request, j.id, ["completed"])));
  const ids = { cheap: c.images[0].id, dear: d.images[0].id, other: o.images[0].id };

  const gallery = new GalleryPage(page);
  await gallery.goto();
  await expect(gallery.item(ids.other)).toBeVisible();
  await gallery.item(ids.other).getByRole("button", { name: /^Favourite:/ }).click();
  await expect(gallery.item(ids.other).getByRole("button", { name: /^Favourite:/ })).toHaveAttribute("aria-pressed", "true");

  await page.getByLabel("Favourites only").check();
  await expect(page).toHaveURL(/favorites=1/);
  await expect(gallery.item(ids.other)).toBeVisible();
  await expect(gallery.item(ids.cheap)).toHaveCount(0);
  await page.getByLabel("Favourites only").uncheck();

  await page.getByLabel("Search prompts").fill(word.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`q=${word.toUpperCase()}`));
  await expect(gallery.items).toHaveCount(2);
  await expect(gallery.item(ids.other)).toHaveCount(0);

  await page.getByLabel("Sort").selectOption("cost");
  await expect.poll(() => gallery.imageIds()).toEqual([ids.dear, ids.cheap]);
  await page.getByLabel("Sort").selectOption("oldest");
  await expect.poll(() => gallery.imageIds()).toEqual([ids.cheap, ids.dear]);
  // The controls answer at once; the URL follows. Reload only once it has.
  await expect(page).toHaveURL(/sort=oldest/);

  await page.reload();
  await expect(page.getByLabel("Search prompts")).toHaveValue(word.toUpperCase());
  await expect.poll(() => gallery.imageIds()).toEqual([ids.cheap, ids.dear]);

  await page.getByLabel("Task").selectOption("INPAINTING");
  await expect(page.getByText("No images match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page.getByLabel("Search prompts")).toHaveValue("");
  // Clearing filters keeps the sort ("oldest"); back to newest, where this test's images are on
  // top (oldest first they sit below however many images earlier tests made).
  await expect(page.getByLabel("Sort")).toHaveValue("oldest");
  await page.getByLabel("Sort").selectOption("newest");
  await expect(gallery.item(ids.other)).toBeVisible();

  // Favourites survive a reload (stored, not just shown).
  await page.getByLabel("Favourites only").check();
  await expect(page).toHaveURL(/favorites=1/);
  await page.reload();
  await expect(gallery.item(ids.other)).toBeVisible();
  // Other tests star images of their own: check this test's three, not the gallery's total.
  await expect(gallery.item(ids.cheap)).toHaveCount(0);
  await expect(gallery.item(ids.dear)).toHaveCount(0);
});

test("gallery API: a bad filter names the field and the limit", async ({ request }) => {
  const res = await request.get(`/api/gallery?sort=random&q=${"x".repeat(201)}`);
  expect(res.status()).toBe(422);
  const fields = (await res.json()).error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`);
  expect(fields).toContain("sort: sort must be one of newest, oldest, cost");
  expect(fields).toContain("q: q must be at most 200 characters");
});

test("the large view steps through the gallery with ← and →, and favourites from there", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `walrus${unique()}`;
  const jobs = [];
  for (const i of [1, 2, 3]) jobs.push(await submitJob(request, textImageBody({ prompt: `e2e ${word} ${i}` })));
  const done = await Promise.all(jobs.map((j) => waitForJobStatus(request, j.id, ["completed"])));
  const ids = done.map((j) => j.images[0].id);

  const gallery = new GalleryPage(page);
  await page.goto(`/gallery?q=${word}&sort=oldest`);
  // Images are ordered by when they were stored, which is not always the order of submission.
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...ids].sort());
  const order = await gallery.imageIds();
  const promptOf = (id: string) => done.find((j) => j.images[0].id === id)!.prompt;
  const detail = () => page.getByTestId("gallery-detail");
  await gallery.item(order[0]).getByRole("button", { name: /^Open image in large view/ }).click();
  await expect(detail()).toHaveAttribute("aria-label", promptOf(order[0])!);
  await page.keyboard.press("ArrowRight");
  await expect(detail()).toHaveAttribute("aria-label", promptOf(order[1])!);
  await page.keyboard.press("ArrowRight");
  await expect(detail()).toHaveAttribute("aria-label", promptOf(order[2])!);
  await expect(page.getByRole("button", { name: "Next →" })).toBeDisabled();
  await page.keyboard.press("ArrowLeft");
  await expect(detail()).toHaveAttribute("aria-label", promptOf(order[1])!);

  await page.getByTestId("gallery-detail").getByRole("button", { name: "☆ Favourite" }).click();
  await expect(page.getByTestId("gallery-detail").getByRole("button", { name: "★ Favourite" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(gallery.item(order[1]).getByRole("button", { name: /^Favourite:/ })).toHaveAttribute("aria-pressed", "true");
});
