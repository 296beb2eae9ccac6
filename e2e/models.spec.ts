import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { submitJob, waitForJobStatus } from "./support/api";
import { png, texturedPng } from "./support/images";
import { ModelPicker, MODELS, type ModelName } from "./support/models";
import { runToCompletion, unique } from "./support/runs";

/** The offline app (baseURL): Nova Canvas built in, FLUX.2 [klein] and Seedream from the engine's catalog. */

test("the picker offers the three models, Nova Canvas first and marked deprecated", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const picker = new ModelPicker(page);
  await playground.goto();
  await picker.waitForModels();
  const options = picker.select.locator("option");
  await expect(options).toHaveText([/^Amazon Nova Canvas \(deprecated, retires 2026-09-30\)$/, "FLUX.2 [klein] 4B", "Seedream 5.0 Lite"]);
  await expect(picker.select).toHaveValue(MODELS.nova.id);
});

for (const name of ["nova", "flux", "seedream"] as const satisfies readonly ModelName[]) {
  const model = MODELS[name];
  test(`a one-image run of ${model.label} with its defaults completes and costs ${model.oneImage}`, async ({ page, request }) => {
    const playground = new PlaygroundPage(page);
    const picker = new ModelPicker(page);
    await playground.goto();
    await picker.choose(name);
    await expect(playground.offlineBanner).toContainText(`not by ${model.label}`);
    await playground.prompt.fill(`e2e ${name} lighthouse ${unique()}`);
    await expect(playground.costEstimate).toContainText(`1 × ${model.oneImage} = ${model.oneImage}`);

    const job = await runToCompletion(playground, request);
    expect(job.model).toBe(model.id);
    expect(job.imagesRequested).toBe(1);
    await expect(playground.jobCard(job.id).locator("header")).toContainText(model.oneImage);
  });
}

test("the chosen model and its draft survive a reload", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const picker = new ModelPicker(page);
  await playground.goto();
  await picker.choose("seedream");
  const prompt = `e2e remembered ${unique()}`;
  await playground.prompt.fill(prompt);
  await page.waitForFunction((p) => (localStorage.getItem("nova-canvas.text-image-draft") ?? "").includes(p), prompt);

  await playground.reload();
  await expect(picker.select).toHaveValue(MODELS.seedream.id);
  await expect(playground.prompt).toHaveValue(prompt);
  await expect(page.getByText("Reference images", { exact: true }).first()).toBeVisible();
  await expect(playground.costEstimate).toContainText(`1 × ${MODELS.seedream.oneImage}`);
});

test("Seedream with one reference image added by file input completes", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const picker = new ModelPicker(page);
  const form = new TaskForm(page);
  await playground.goto();
  await picker.choose("seedream");
  await playground.prompt.fill(`e2e seedream edit ${unique()}`);
  const references = form.images();
  await references.choose([png("reference.png", (await texturedPng(640, 480)).png)]);
  await expect(references.root.getByRole("listitem")).toHaveCount(1);
  await expect(references.root).toContainText("1 / 14");

  const job = await runToCompletion(playground, request);
  expect(job.model).toBe(MODELS.seedream.id);
  expect(job.inputs.map((i) => [i.role, i.position, i.width, i.height])).toEqual([["images", 0, 640, 480]]);
});

test("reusing a FLUX.2 [klein] job switches the picker to it", async ({ page, request }) => {
  const prompt = `e2e flux reuse ${unique()}`;
  const created = await submitJob(request, { model: MODELS.flux.id, task_type: "TEXT_IMAGE", prompt, number_of_images: 2, seed: 77 });
  await waitForJobStatus(request, created.id, ["completed"]);

  const playground = new PlaygroundPage(page);
  const picker = new ModelPicker(page);
  await playground.goto();
  await picker.waitForModels();
  await expect(picker.select).toHaveValue(MODELS.nova.id);
  const card = playground.jobCard(created.id);
  await card.getByRole("button", { name: "Reuse with seed", exact: true }).click();

  await expect(picker.select).toHaveValue(MODELS.flux.id);
  await expect(playground.prompt).toHaveValue(prompt);
  await expect(playground.numberOfImages).toHaveValue("2");
  await expect(playground.seed).toHaveValue("77");
  await expect(playground.costEstimate).toContainText("2 × $0.0085 = $0.017");
  await expect(page.getByTestId("form-notice")).toHaveCount(0);
});
