import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import {
  colourDistance,
  compareRegion,
  decode,
  inside,
  pixel,
  png,
  rectMask,
  rgbPixels,
  encodePng,
  subjectOnPlain,
  texturedPng,
  type Rect,
  type Rgb,
} from "./support/images";
import { resultPixels, runToCompletion, unique } from "./support/runs";

/**
 * Every task type from its form through the offline engine (the app on E2E.offlineUrl), each checked
 * for the property that task promises on the stored result (lib/emulator/README.md).
 */

test("TEXT_IMAGE with a condition image and control strength makes an image of the mapped size", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("TEXT_IMAGE");
  await playground.prompt.fill(`e2e condition, a lighthouse on a cliff ${unique()}`);

  const condition = form.image("image");
  // Control strength belongs to the condition image: it is shown only once there is one.
  await expect(form.controlStrength).toHaveCount(0);
  await condition.choose(png("condition.png", (await texturedPng(640, 480)).png));
  await expect(condition.root).toContainText("640 × 480");
  await form.controlStrength.fill("0.9");
  await form.aspectRatio.selectOption("16:9");
  await expect(playground.costEstimate).toContainText("1024 × 576 px");

  const job = await runToCompletion(playground, request);
  expect(job.params).toMatchObject({ task_type: "TEXT_IMAGE", control_strength: 0.9, control_mode: "CANNY_EDGE", aspect_ratio: "16:9" });
  expect(job.inputs.map((i) => [i.role, i.width, i.height])).toEqual([["image", 640, 480]]);
  expect(job.images).toHaveLength(1);
  // 16:9 small is 1024 × 576 (lib/models/nova-canvas/output-size.ts); the stored file is checked to be that size too.
  expect([job.images[0].width, job.images[0].height]).toEqual([1024, 576]);
  await resultPixels(request, job);
});

test("IMAGE_VARIATION with two source images completes", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("IMAGE_VARIATION");

  const sources = form.images();
  const a = png("first.png", (await texturedPng(640, 480)).png);
  const b = png("second.png", await subjectOnPlain(512, 512, [200, 40, 40], [240, 240, 240]));
  await sources.choose([a, b]);
  await expect(sources.root.getByRole("listitem")).toHaveCount(2);
  await expect(sources.root).toContainText("2 / 5");

  const job = await runToCompletion(playground, request);
  expect(job.taskType).toBe("IMAGE_VARIATION");
  expect(job.inputs.map((i) => [i.role, i.position, i.width, i.height])).toEqual([
    ["images", 0, 640, 480],
    ["images", 1, 512, 512],
  ]);
  expect(job.images).toHaveLength(1);
  expect([job.images[0].width, job.images[0].height]).toEqual([1024, 1024]);
  await resultPixels(request, job);
});

test("COLOR_GUIDED_GENERATION output is made of the palette entered by hex", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("COLOR_GUIDED_GENERATION");
  await playground.prompt.fill(`e2e palette, a quiet harbour town ${unique()}`);
  const palette = ["#D62828", "#1D3557", "#F1FAEE"];
  await form.setPalette(palette);

  const job = await runToCompletion(playground, request);
  expect(job.params.colors).toEqual(palette);
  const { raw } = await resultPixels(request, job);

  const rgb = palette.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)));
  const counts = rgb.map(() => 0);
  let near = 0;
  const total = raw.width * raw.height;
  for (let p = 0; p < total; p++) {
    const px = [raw.data[p * 3], raw.data[p * 3 + 1], raw.data[p * 3 + 2]];
    const k = rgb.findIndex((c) => colourDistance(px, c) <= 8);
    if (k >= 0) {
      near++;
      counts[k]++;
    }
  }
  expect(near / total, "share of pixels near a palette colour").toBeGreaterThanOrEqual(0.9);
  // Each given colour is really used (the palette, not one of its colours, makes the picture).
  for (const [k, n] of counts.entries()) expect(n / total, `share of ${palette[k]}`).toBeGreaterThan(0.05);
});

test("INPAINTING changes only the white rectangle of the mask", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("INPAINTING");
  await playground.prompt.fill(`e2e inpaint, a red apple ${unique()}`);

  const rect: Rect = { x: 200, y: 150, width: 240, height: 180 };
  const source = await texturedPng(640, 480);
  await form.image("image").choose(png("source.png", source.png));
  await expect(form.image("image").root).toContainText("640 × 480");
  await form.image("mask_image").choose(png("mask.png", await rectMask(640, 480, rect)));
  await expect(form.image("mask_image").root).toContainText("640 × 480");
  await expect(form.maskOverlay).toBeVisible();
  await expect(form.image("mask_image").problems.getByRole("listitem")).toHaveCount(0);

  const job = await runToCompletion(playground, request);
  expect(job.inputs.map((i) => i.role).sort()).toEqual(["image", "mask_image"]);
  const { raw: out } = await resultPixels(request, job);
  expect([out.width, out.height], "the output keeps the source's size").toEqual([640, 480]);

  const outside = compareRegion(source.raw, out, (x, y) => !inside(rect, x, y));
  expect(outside.differing, `pixels outside the mask that changed: ${outside.examples.join("; ")}`).toBe(0);
  expect(outside.compared).toBeGreaterThan(200_000);
  const within = compareRegion(source.raw, out, (x, y) => inside(rect, x, y), { step: 4, tolerance: 2 });
  expect(within.differing / within.compared, "share of pixels inside the mask that changed").toBeGreaterThan(0.9);
});

test("OUTPAINTING by mask keeps the kept region and regenerates the rest", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("OUTPAINTING");
  await playground.prompt.fill(`e2e outpaint, on a sunny beach at noon ${unique()}`);

  // Black = keep (the subject), white = regenerate.
  const kept: Rect = { x: 220, y: 140, width: 200, height: 200 };
  const source = await texturedPng(640, 480);
  await form.image("image").choose(png("subject.png", source.png));
  await expect(form.image("image").root).toContainText("640 × 480");
  await expect(form.segment("Mask source", "Mask image")).toBeChecked();
  await form.image("mask_image").choose(png("keep-mask.png", await rectMask(640, 480, kept, { whiteInside: false })));
  await expect(form.image("mask_image").root).toContainText("640 × 480");
  await expect(form.maskOverlay).toBeVisible();
  await expect(form.image("mask_image").problems.getByRole("listitem")).toHaveCount(0);

  const job = await runToCompletion(playground, request);
  expect(job.params.outpainting_mode).toBe("DEFAULT");
  const { raw: out } = await resultPixels(request, job);
  expect([out.width, out.height]).toEqual([640, 480]);

  const keptRegion = compareRegion(source.raw, out, (x, y) => inside(kept, x, y));
  expect(keptRegion.differing, `kept pixels that changed: ${keptRegion.examples.join("; ")}`).toBe(0);
  expect(keptRegion.compared).toBe(kept.width * kept.height);
  // Beyond the blended seam (3 % of the long side ≈ 19 px) the surroundings are new.
  const band = 24;
  const far: Rect = { x: kept.x - band, y: kept.y - band, width: kept.width + 2 * band, height: kept.height + 2 * band };
  const rest = compareRegion(source.raw, out, (x, y) => !inside(far, x, y), { step: 4, tolerance: 2 });
  expect(rest.differing / rest.compared, "share of regenerated pixels that changed").toBeGreaterThan(0.9);
});

test("BACKGROUND_REMOVAL gives a PNG with real alpha: transparent border, opaque subject", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");

  const subject: Rgb = [30, 60, 160];
  await form.image("image").choose(png("subject.png", await subjectOnPlain(512, 384, subject, [245, 245, 245])));
  await expect(form.image("image").root).toContainText("512 × 384");

  const job = await runToCompletion(playground, request);
  expect(job.images[0].contentType).toBe("image/png");
  const { raw } = await resultPixels(request, job, { alpha: true });
  expect([raw.width, raw.height]).toEqual([512, 384]);

  const [, , , centreAlpha] = pixel(raw, 256, 192);
  expect(centreAlpha, "alpha at the subject's centre").toBe(255);
  expect(colourDistance(pixel(raw, 256, 192), subject), "the subject keeps its colour").toBeLessThanOrEqual(2);
  let border = 0;
  let opaqueBorder = 0;
  for (let x = 0; x < raw.width; x++) {
    for (const y of [0, 1, raw.height - 2, raw.height - 1]) {
      border++;
      if (pixel(raw, x, y)[3] !== 0) opaqueBorder++;
    }
  }
  for (let y = 0; y < raw.height; y++) {
    for (const x of [0, 1, raw.width - 2, raw.width - 1]) {
      border++;
      if (pixel(raw, x, y)[3] !== 0) opaqueBorder++;
    }
  }
  expect(border).toBeGreaterThan(3000);
  expect(opaqueBorder, "border pixels that are not fully transparent").toBe(0);
});

test("VIRTUAL_TRY_ON (upper body garment) paints the garment inside the region only", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("VIRTUAL_TRY_ON");

  const person = await texturedPng(480, 640);
  const garment: Rgb = [220, 30, 40];
  const garmentPng = await encodePng(rgbPixels(400, 400, () => garment));
  await form.image("image").choose(png("person.png", person.png));
  await expect(form.image("image").root).toContainText("480 × 640");
  await form.image("reference_image").choose(png("garment.png", garmentPng));
  await expect(form.image("reference_image").root).toContainText("400 × 400");
  await expect(form.segment("Where the garment goes", "By garment class")).toBeChecked();
  await form.garmentClass.selectOption("UPPER_BODY");

  const job = await runToCompletion(playground, request);
  expect(job.params).toMatchObject({ task_type: "VIRTUAL_TRY_ON", mask_type: "GARMENT", garment_class: "UPPER_BODY" });
  const { raw: out } = await resultPixels(request, job);
  expect([out.width, out.height], "the output keeps the person's size").toEqual([480, 640]);

  // Upper-body band: 20–55 % of the height, the middle 50 % of the width (a 2 px margin for rounding).
  const band: Rect = { x: 120 - 2, y: 128 - 2, width: 240 + 4, height: 224 + 4 };
  const outside = compareRegion(person.raw, out, (x, y) => !inside(band, x, y));
  expect(outside.differing, `person pixels outside the region that changed: ${outside.examples.join("; ")}`).toBe(0);
  // The band's middle (clear of its rounded corners) now shows the garment.
  const core: Rect = { x: 180, y: 180, width: 120, height: 120 };
  let garmentLike = 0;
  let n = 0;
  for (let y = core.y; y < core.y + core.height; y += 3) {
    for (let x = core.x; x < core.x + core.width; x += 3) {
      n++;
      if (colourDistance(pixel(out, x, y), garment) <= 24) garmentLike++;
    }
  }
  expect(garmentLike / n, "share of the region's core that is the garment's colour").toBeGreaterThan(0.95);
  // And the person image there was nothing like it (so the check above can fail).
  const before = await decode(person.png);
  expect(colourDistance(pixel(before, 240, 240), garment)).toBeGreaterThan(60);
});
