import { expect, test, type Request } from "@playwright/test";
import sharp from "sharp";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { colourDistance, decode, fetchImage, jpeg, noiseJpeg, pixel, png, rgbPixels, subjectOnPlain } from "./support/images";
import { resultPixels, runToCompletion, unique } from "./support/runs";

/** The ways an image gets into a field, each carried through a real run on the offline app. */

test("a pasted screenshot (PNG from the clipboard) is used as the input", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");

  // Screenshots are RGBA PNGs with every pixel opaque; the browser calls a pasted bitmap "image.png".
  const shot = await subjectOnPlain(800, 500, [20, 120, 60], [250, 250, 250], { alpha: true });
  const field = form.image("image");
  await field.paste(png("image.png", shot));
  await expect(field.root).toContainText("pasted image");
  await expect(field.root).toContainText("800 × 500");
  await expect(field.problems.getByRole("listitem")).toHaveCount(0);

  const job = await runToCompletion(playground, request);
  expect(job.inputs.map((i) => [i.role, i.width, i.height])).toEqual([["image", 800, 500]]);
  // The stored input is the pasted file itself.
  expect(Buffer.compare(await fetchImage(request, job.inputs[0].url), shot), "stored input = pasted bytes").toBe(0);
  const { raw } = await resultPixels(request, job, { alpha: true });
  expect([raw.width, raw.height]).toEqual([800, 500]);
  expect(pixel(raw, 400, 250)[3]).toBe(255);
  expect(pixel(raw, 2, 2)[3]).toBe(0);
});

test("a dropped JPEG with EXIF orientation 6 arrives upright and runs", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");

  // Stored 640×400 with a red block in its top-left corner; orientation 6 = turn 90° clockwise
  // to view, so upright it is 400×640 with the block at the top right.
  const stored = rgbPixels(640, 400, (x, y) => (x < 96 && y < 96 ? [230, 20, 20] : [60, 90, 200]));
  const rotatedJpeg = await sharp(stored.data, { raw: { width: 640, height: 400, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  expect((await sharp(rotatedJpeg).metadata()).orientation, "the test file carries the tag").toBe(6);

  const field = form.image("image");
  await field.drop(jpeg("phone-photo.jpg", rotatedJpeg));
  await expect(field.root).toContainText("phone-photo.jpg");
  await expect(field.root, "the preview shows the upright (swapped) size").toContainText("400 × 640");
  await expect(field.status).toContainText("Turned upright");
  await expect(field.root.getByRole("img", { name: "Image", exact: true })).toHaveJSProperty("naturalWidth", 400);

  const job = await runToCompletion(playground, request);
  expect(job.inputs.map((i) => [i.width, i.height])).toEqual([[400, 640]]);
  const input = await decode(await fetchImage(request, job.inputs[0].url));
  expect([input.width, input.height]).toEqual([400, 640]);
  expect((await sharp(await fetchImage(request, job.inputs[0].url)).metadata()).orientation ?? 1, "no tag left to apply twice").toBe(1);
  expect(colourDistance(pixel(input, 400 - 30, 30), [230, 20, 20]), "the red block is at the top right").toBeLessThanOrEqual(40);
  expect(colourDistance(pixel(input, 30, 30), [60, 90, 200]), "the top left is the background").toBeLessThanOrEqual(40);
  const { raw } = await resultPixels(request, job, { alpha: true });
  expect([raw.width, raw.height]).toEqual([400, 640]);
});

test("a gallery image picked with \"From gallery\" is used as the input", async ({ page, request }) => {
  const prompt = `e2e gallery pick, a green forest ${unique()}`;
  const earlier = await waitForJobStatus(request, (await submitJob(request, textImageBody({ prompt }))).id, ["completed"]);
  const picked = earlier.images[0];

  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("IMAGE_VARIATION");
  const sources = form.images();
  await sources.fromGallery(new RegExp(`^Use ${prompt}, 1024 × 1024$`));
  await expect(sources.root.getByRole("listitem")).toHaveCount(1);
  await expect(sources.root).toContainText("gallery image");
  await expect(sources.root).toContainText("1024 × 1024");

  const job = await runToCompletion(playground, request);
  // One source goes as `image`; the server recognised our own result by its bytes (lineage).
  expect(job.inputs).toHaveLength(1);
  expect(job.inputs[0]).toMatchObject({ role: "image", width: 1024, height: 1024, sourceImageId: picked.id });
  expect(Buffer.compare(await fetchImage(request, job.inputs[0].url), await fetchImage(request, picked.url))).toBe(0);
});

test("a 6000×4000 JPEG is downscaled in the browser before upload, and runs", async ({ page, request }) => {
  test.setTimeout(120_000);
  const big = await noiseJpeg(6000, 4000);
  // Big enough that sending it as it is would break the 15 MB bound below.
  expect(Math.ceil(big.length / 3) * 4, "base64 of the original").toBeGreaterThan(15 * 1024 * 1024);

  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");
  const sent: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/jobs") sent.push(r);
  });

  const field = form.image("image");
  await field.choose(jpeg("camera.jpg", big));
  await expect(field.status).toContainText("Downscaled from 6000×4000 to 2508×1672", { timeout: 30_000 });
  await expect(field.root).toContainText("2508 × 1672");
  await expect(field.problems.getByRole("listitem")).toHaveCount(0);

  const job = await runToCompletion(playground, request);
  expect(sent).toHaveLength(1);
  const bodyBytes = sent[0].postDataBuffer()?.length ?? 0;
  expect(bodyBytes, "POST /api/jobs body").toBeGreaterThan(100_000);
  expect(bodyBytes, "POST /api/jobs body").toBeLessThan(15 * 1024 * 1024);
  expect(job.inputs.map((i) => [i.width, i.height])).toEqual([[2508, 1672]]);
  expect([job.images[0].width, job.images[0].height]).toEqual([2508, 1672]);
});

test("chaining: a background-removal result used as the inpainting source is flattened, then runs", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");
  await form.image("image").choose(png("ball.png", await subjectOnPlain(512, 384, [30, 60, 160], [245, 245, 245])));
  await expect(form.image("image").root).toContainText("512 × 384");
  const cutout = await runToCompletion(playground, request);

  await playground.useResultAs(cutout.id, 0, "Inpainting: Image to edit");
  await expect(form.taskTypes.getByRole("radio", { name: "Inpainting", exact: true })).toBeChecked();
  const source = form.image("image");
  await expect(source.root).toContainText("512 × 384");
  const problem = source.problem(/transparent or translucent pixels; flatten it onto a colour first/);
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText(/^image has [\d,]+ transparent or translucent pixels/);

  // With the mask given in words, the translucent source is the one thing that blocks Run.
  await form.chooseSegment("Mask source", "Describe it");
  await form.maskPrompt.fill("the ball in the middle");
  await expect(playground.runButton).toBeDisabled();
  await expect(page.getByText("Fix 1 field to run: Image to edit", { exact: true })).toBeVisible();

  await problem.getByRole("button", { name: "Flatten onto", exact: true }).click();
  await expect(source.problems.getByRole("listitem")).toHaveCount(0);
  await expect(source.status).toContainText("Flattened onto #ffffff");
  await expect(playground.runButton).toBeEnabled();
  const job = await runToCompletion(playground, request);
  expect(job.taskType).toBe("INPAINTING");
  expect(job.params.mask_prompt).toBe("the ball in the middle");
  expect([job.images[0].width, job.images[0].height]).toEqual([512, 384]);
  // What was sent is the flattened image: fully opaque, the cut-out background now white.
  const stored = await decode(await fetchImage(request, job.inputs[0].url), { alpha: true });
  let translucent = 0;
  for (let p = 0; p < stored.width * stored.height; p++) if (stored.data[p * 4 + 3] !== 255) translucent++;
  expect(translucent, "translucent pixels in the stored input").toBe(0);
  expect(colourDistance(pixel(stored, 3, 3), [255, 255, 255])).toBeLessThanOrEqual(1);
});
