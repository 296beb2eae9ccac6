import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { GalleryPage } from "./pages/gallery-page";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { fetchImage } from "./support/images";
import { unique } from "./support/runs";

/** Bulk download: the ZIP holds exactly the selected images, byte for byte, plus their parameters. */
test("Download ZIP holds exactly the selected images and an images.json of their parameters", async ({ page, request }) => {
  test.setTimeout(120_000);
  const prompts = [1, 2, 3].map((i) => `e2e zip ${i} ${unique()}`);
  const jobs = await Promise.all(prompts.map((prompt) => submitJob(request, textImageBody({ prompt }))));
  const done = await Promise.all(jobs.map((j) => waitForJobStatus(request, j.id, ["completed"])));
  const [a, , c] = done.map((j) => j.images[0]);

  const gallery = new GalleryPage(page);
  await gallery.goto();
  for (const img of [a, c]) await gallery.item(img.id).getByRole("checkbox").click();
  await expect(page.getByRole("toolbar", { name: "Selection" })).toContainText("2 selected");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download ZIP" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^nova-images-.*\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(3);
  expect(names).toContain("images.json");

  const manifest = JSON.parse(new TextDecoder().decode(files["images.json"])) as { file: string; id: string; prompt: string; seed: number; params: Record<string, unknown> }[];
  expect(manifest.map((m) => m.id).sort()).toEqual([a.id, c.id].sort());
  for (const m of manifest) {
    const original = await fetchImage(request, `/api/images/${m.id}/file`);
    expect(Buffer.from(files[m.file]).equals(original), `${m.file} is the stored image byte for byte`).toBe(true);
    expect(prompts).toContain(m.prompt);
    expect(m.params.task_type).toBe("TEXT_IMAGE");
  }
});

test("zip API: messages name the field and the limit", async ({ request }) => {
  const none = await request.post("/api/images/zip", { data: { imageIds: [] } });
  expect(none.status()).toBe(422);
  expect((await none.json()).error.message).toBe("imageIds must name at least 1 image");
  const many = await request.post("/api/images/zip", { data: { imageIds: Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) } });
  expect((await many.json()).error.message).toBe("imageIds must name at most 500 images (got 501)");
  const unknown = await request.post("/api/images/zip", { data: { imageIds: ["00000000-0000-4000-8000-000000000000"] } });
  expect((await unknown.json()).error.message).toMatch(/imageIds names 1 image that do not exist/);
});
