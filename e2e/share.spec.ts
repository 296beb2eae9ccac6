import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { answerConfirm } from "./support/dialogs";
import { unique } from "./support/runs";

/**
 * Sharing: three images shared with prompts hidden, opened in a fresh browser context (no
 * cookies), then revoked: the page and every image URL of the share stop working at once.
 */
test("share three images with prompts hidden, open the link elsewhere, revoke: gone, images included", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const prompts = [1, 2, 3].map((i) => `e2e shared secret prompt ${i} ${unique()}`);
  const jobs = await Promise.all(prompts.map((prompt) => submitJob(request, textImageBody({ prompt }))));
  const done = await Promise.all(jobs.map((j) => waitForJobStatus(request, j.id, ["completed"])));
  const imageIds = done.map((j) => j.images[0].id);

  const gallery = new GalleryPage(page);
  await gallery.goto();
  for (const id of imageIds) await expect(gallery.item(id)).toBeVisible();
  // Shift-click selects a range: click the first, shift-click the third (the three are newest, adjacent).
  const order = await gallery.imageIds();
  const positions = imageIds.map((id) => order.indexOf(id)).sort((a, b) => a - b);
  expect(positions, "the three new images are next to each other").toEqual([positions[0], positions[0] + 1, positions[0] + 2]);
  await gallery.item(order[positions[0]]).getByRole("checkbox").click();
  await gallery.item(order[positions[2]]).getByRole("checkbox").click({ modifiers: ["Shift"] });
  await expect(page.getByRole("toolbar", { name: "Selection" })).toContainText("3 selected");

  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share 3 images" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByText("title must not be empty")).toBeVisible();
  const title = `e2e holiday ${unique()}`;
  await dialog.getByLabel("Title").fill(title);
  await expect(dialog.getByLabel("Prompts")).not.toBeChecked();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("dialog", { name: "Shared" }).getByLabel("Share link").inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}$/);
  const path = new URL(link).pathname;

  // A visitor: another browser context, no cookies, no session.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  const response = await v.goto(path);
  expect(response?.status()).toBe(200);
  await expect(v.getByRole("heading", { name: title })).toBeVisible();
  const thumbs = v.getByTestId("share-grid").getByRole("img");
  await expect(thumbs).toHaveCount(3);
  for (const img of await thumbs.all()) await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  const html = await v.content();
  for (const p of prompts) expect(html, "a hidden prompt is not on the page").not.toContain(p);
  for (const id of imageIds) expect(html, "internal image ids are not on the page").not.toContain(id);
  expect(html).not.toContain("$0.");
  expect(await v.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
  const ogImage = await v.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toContain(`${path}/preview.png`);
  expect(await v.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");

  // The large view works without JavaScript: a plain link from the grid.
  await v.getByTestId("share-grid").getByRole("link").first().click();
  await expect(v.getByRole("link", { name: "Next" })).toBeVisible();

  const urls = [1, 2, 3].flatMap((n) => [`${path}/i/${n}`, `${path}/t/${n}`]).concat(`${path}/preview.png`);
  for (const url of urls) expect((await v.request.get(url)).status(), url).toBe(200);
  expect((await v.request.get(`${path}/i/4`)).status(), "only the share's own images").toBe(404);

  // Revoke on the shares page.
  await page.goto("/shares");
  const row = page.getByRole("listitem", { name: title });
  await expect(row.getByTestId("share-status")).toHaveText("active");
  await answerConfirm(page, () => row.getByRole("button", { name: "Revoke" }).click(), "accept");
  await expect(row.getByTestId("share-status")).toHaveText("revoked");

  const after = await v.reload();
  expect(after?.status()).toBe(404);
  await expect(v.getByRole("heading", { name: "This shared gallery is not available" })).toBeVisible();
  const gone = await v.goto(path);
  expect(gone?.status()).toBe(404);
  for (const url of urls) expect((await v.request.get(url)).status(), `${url} after revoke`).toBe(404);
  await visitor.close();
});

test("share API: messages name the field and the limit", async ({ request }) => {
  const bad = await request.post("/api/shares", { data: { imageIds: [], title: "x".repeat(121) } });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  const fields = body.error.fields.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`);
  expect(fields).toContain("imageIds: imageIds must name at least 1 image");
  expect(fields).toContain("title: title must be at most 120 characters");
  const unknown = await request.post("/api/shares", { data: { imageIds: ["00000000-0000-4000-8000-000000000000"], title: "t" } });
  expect(unknown.status()).toBe(422);
  expect((await unknown.json()).error.message).toMatch(/imageIds names 1 image that do not exist/);
});
