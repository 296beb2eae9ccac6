import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { answerConfirm } from "./support/dialogs";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { unique } from "./support/runs";

/** Deleting from the large view: confirmed first (saying which shares it touches), then gone everywhere. */
test("delete an image from the large view: the confirmation names its share; the file, the card and its place in the share go", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = `heron${unique()}`;
  const jobs = [];
  for (const i of [1, 2]) jobs.push(await submitJob(request, textImageBody({ prompt: `e2e ${word} ${i}` })));
  const [keep, doomed] = (await Promise.all(jobs.map((j) => waitForJobStatus(request, j.id, ["completed"])))).map((j) => j.images[0]);
  const share = await (await request.post("/api/shares", { data: { imageIds: [keep.id, doomed.id], title: `e2e ${word}` } })).json();
  expect((await request.get(`${share.path}/i/2`)).status()).toBe(200);

  const gallery = new GalleryPage(page);
  await page.goto(`/gallery?q=${word}`);
  await gallery.item(doomed.id).getByRole("button", { name: /^Open image in large view/ }).click();
  const detail = page.getByTestId("gallery-detail");

  // Saying no changes nothing.
  const deleteButton = detail.getByRole("button", { name: "Delete…" });
  expect(await answerConfirm(page, () => deleteButton.click(), "dismiss")).toContain("1 shared gallery");
  await expect(detail).toBeVisible();
  expect((await request.get(`/api/images/${doomed.id}/file`)).status()).toBe(200);

  await answerConfirm(page, () => deleteButton.click(), "accept");
  await expect(page.getByTestId("gallery-detail")).toHaveCount(0);
  await expect(gallery.item(doomed.id)).toHaveCount(0);
  await expect(gallery.item(keep.id)).toBeVisible();

  expect((await request.get(`/api/images/${doomed.id}/file`)).status(), "the file is gone").toBe(404);
  expect((await request.get(`/api/images/${keep.id}/file`)).status(), "the other image is untouched").toBe(200);
  expect((await request.get(`${share.path}/i/2`)).status(), "the share has one image left").toBe(404);
  expect((await request.get(`${share.path}/i/1`)).status()).toBe(200);
});

test("delete API: messages name the field and the limit", async ({ request }) => {
  const res = await request.post("/api/images/delete", { data: { imageIds: [] } });
  expect(res.status()).toBe(422);
  expect((await res.json()).error.message).toBe("imageIds must name at least 1 image");
  const bad = await request.post("/api/images/delete", { data: { imageIds: ["nope"] } });
  expect((await bad.json()).error.message).toBe('imageIds holds "nope", which is not an image id');
});
