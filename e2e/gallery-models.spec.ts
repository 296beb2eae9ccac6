import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import type { ApiModel, SpendSummary } from "../lib/api-types";
import { GalleryPage } from "./pages/gallery-page";
import { submitJob, textImageBody, waitForJobStatus, type ApiErrorBody } from "./support/api";
import { unique } from "./support/runs";

/**
 * The gallery and share side of several models (issue 10): runs of FLUX.2 [klein] 4B (from the
 * offline engine's catalog) and of the built-in model, filtered by model (the URL keeps it), the
 * model named in the large view and in spend, and a share of the FLUX view naming FLUX.
 */
const FLUX = "flux-2-klein-4b";
const FLUX_LABEL = "FLUX.2 [klein] 4B";

/** The model select's value as the URL has it (null when no model is filtered). */
const urlModel = (page: Page) => new URL(page.url()).searchParams.get("model");

test("filter the gallery by model, see the model in the large view and in spend, share the FLUX view", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const word = `okapi${unique()}`;
  const models = ((await (await request.get("/api/models")).json()) as { models: ApiModel[] }).models;
  expect(models.map((m) => m.id), "the offline engine's catalog offers FLUX").toContain(FLUX);
  expect(models.find((m) => m.id === FLUX)?.label).toBe(FLUX_LABEL);

  const [fluxJob, builtInJob] = await Promise.all([
    submitJob(request, { model: FLUX, prompt: `e2e ${word} fox by flux` }),
    submitJob(request, textImageBody({ prompt: `e2e ${word} fox by the built-in one` })),
  ]);
  const [flux, builtIn] = await Promise.all([fluxJob, builtInJob].map((j) => waitForJobStatus(request, j.id, ["completed"])));
  expect(flux.model).toBe(FLUX);
  expect(builtIn.model).not.toBe(FLUX);
  const builtInLabel = models.find((m) => m.id === builtIn.model)?.label;
  expect(builtInLabel, "the default model is offered").toBeTruthy();
  const fluxIds = flux.images.map((i) => i.id);
  const builtInIds = builtIn.images.map((i) => i.id);
  expect(fluxIds.length).toBeGreaterThan(0);
  for (const img of flux.images) expect(img.costUsd).toBeCloseTo(0.0085, 6);

  // The API filters by model, and refuses a bad model id naming the field and the limit.
  const byModel = async (model: string) => {
    const res = await request.get(`/api/gallery?limit=200&q=${word}&model=${encodeURIComponent(model)}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: { id: string; model: string }[] }).items;
  };
  expect((await byModel(FLUX)).map((i) => i.id).sort()).toEqual([...fluxIds].sort());
  expect((await byModel(builtIn.model)).map((i) => i.id).sort()).toEqual([...builtInIds].sort());
  expect((await byModel(FLUX)).every((i) => i.model === FLUX)).toBe(true);
  for (const [bad, message] of [
    ["m".repeat(101), "model must be at most 100 characters"],
    ["flux 2", "model must be a model id: letters, digits and . _ : - only"],
  ]) {
    for (const path of ["/api/gallery", "/api/gallery/ids"]) {
      const res = await request.get(`${path}?model=${encodeURIComponent(bad)}`);
      expect(res.status(), `${path} ${bad.slice(0, 12)}`).toBe(422);
      expect(((await res.json()) as ApiErrorBody).error.fields).toEqual([{ field: "model", message }]);
    }
  }
  const ids = (await (await request.get(`/api/gallery/ids?q=${word}&model=${FLUX}`)).json()) as { ids: string[]; total: number };
  expect([...ids.ids].sort()).toEqual([...fluxIds].sort());
  // A ZIP's images.json records each image's model.
  const zip = await request.post("/api/images/zip", { data: { imageIds: [fluxIds[0], builtInIds[0]] } });
  expect(zip.status()).toBe(200);
  const manifest = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(await zip.body()))["images.json"])) as { id: string; model: string }[];
  expect(manifest.map((m) => [m.id, m.model])).toEqual([
    [fluxIds[0], FLUX],
    [builtInIds[0], builtIn.model],
  ]);

  // The page: search this test's images, then filter by each model through the Model select.
  const gallery = new GalleryPage(page);
  await gallery.goto();
  await page.getByLabel("Search prompts").fill(word);
  // The search reaches the filter after a pause: wait for the URL, or the model choice below
  // would be made (and a reload done) before the search is part of the view.
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(word);
  await expect(gallery.items).toHaveCount(fluxIds.length + builtInIds.length);
  const select = page.getByRole("combobox", { name: "Model", exact: true });
  await expect.poll(() => select.locator("option").allTextContents()).toEqual(expect.arrayContaining(["All models", FLUX_LABEL, builtInLabel!]));

  await select.selectOption({ label: FLUX_LABEL });
  await expect.poll(() => urlModel(page)).toBe(FLUX);
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...fluxIds].sort());
  for (const id of fluxIds) await expect(gallery.item(id).getByTestId("gallery-card-model")).toHaveText(FLUX_LABEL);
  await page.reload();
  await expect(select).toHaveValue(FLUX);
  await expect(page.getByLabel("Search prompts")).toHaveValue(word);
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...fluxIds].sort());

  // The large view names the model, beside the image and in the job's facts.
  await gallery.item(fluxIds[0]).getByRole("button", { name: /^Open image in large view/ }).click();
  const detail = page.getByTestId("gallery-detail");
  await expect(detail.getByTestId("gallery-large-model")).toHaveText(FLUX_LABEL);
  await expect(detail.getByTestId("job-facts")).toContainText(`Model${FLUX_LABEL}`);
  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);

  await select.selectOption({ label: builtInLabel! });
  await expect.poll(() => urlModel(page)).toBe(builtIn.model);
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...builtInIds].sort());
  await page.reload();
  await expect(select).toHaveValue(builtIn.model);
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...builtInIds].sort());
  await gallery.item(builtInIds[0]).getByRole("button", { name: /^Open image in large view/ }).click();
  await expect(detail.getByTestId("gallery-large-model")).toHaveText(builtInLabel!);
  await page.keyboard.press("Escape");

  // Spend by model: both models, labelled, with at least this test's images and cost.
  const spend = (await (await request.get("/api/spend")).json()) as SpendSummary;
  const fluxSpend = spend.byModel.find((m) => m.model === FLUX);
  expect(fluxSpend?.images).toBeGreaterThanOrEqual(fluxIds.length);
  expect(fluxSpend?.usd).toBeGreaterThanOrEqual(0.0085 * fluxIds.length - 1e-9);
  expect(spend.byModel.find((m) => m.model === builtIn.model)?.images).toBeGreaterThanOrEqual(builtInIds.length);
  await page.getByText("All time by model").click();
  const table = page.getByTestId("spend-by-model");
  await expect(table.locator(`tr[data-key="${FLUX}"]`)).toContainText(FLUX_LABEL);
  await expect(table.locator(`tr[data-key="${builtIn.model}"]`)).toContainText(builtInLabel!);

  // Share this view (FLUX only): the default title says so, and the page names FLUX, not the other model.
  await select.selectOption({ label: FLUX_LABEL });
  await expect.poll(() => urlModel(page)).toBe(FLUX);
  await expect.poll(async () => (await gallery.imageIds()).sort()).toEqual([...fluxIds].sort());
  await page.getByRole("button", { name: "Share this view…" }).click();
  const dialog = page.getByRole("dialog", { name: /^Share \d+ images?$/ });
  await expect(dialog.getByLabel("Title")).toHaveValue(`“${word}” · ${FLUX_LABEL}`);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("dialog", { name: "Shared" }).getByLabel("Share link").inputValue();
  const path = new URL(link).pathname;

  const visitor = await browser.newContext();
  try {
    const v = await visitor.newPage();
    expect((await v.goto(path))?.status()).toBe(200);
    const n = fluxIds.length;
    await expect(v.getByTestId("share-summary")).toHaveText(`${n} image${n === 1 ? "" : "s"} · made with ${FLUX_LABEL}`);
    await expect(v.getByTestId("share-grid")).not.toContainText(builtInLabel!);
    expect(await v.locator('meta[name="description"]').getAttribute("content")).toBe(`${n} image${n === 1 ? "" : "s"} made with ${FLUX_LABEL}.`);
    await v.getByTestId("share-grid").getByRole("link").first().click();
    await expect(v.getByTestId("share-image-model")).toHaveText(`Made with ${FLUX_LABEL}`);
  } finally {
    await visitor.close();
  }
});
