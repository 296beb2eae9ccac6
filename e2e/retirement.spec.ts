import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ApiModel } from "../lib/api-types";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "../lib/emulator/catalog/models";
import { novaCanvas } from "../lib/models/nova-canvas/definition";
import { PlaygroundPage } from "./pages/playground-page";
import { readGallery, waitForJobStatus, type ApiJob } from "./support/api";
import { ModelPicker } from "./support/models";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * Acceptance (issue 10, part 5): Nova Canvas retired by an engine fault. The app is started once
 * to make history (a run and a share), then restarted on the same data folder with the built-in
 * engine retiring the model: the model list says so with the date, a run on it is refused
 * naming the date and the models that can run, and its history, shares and reuse into another
 * model keep working.
 */
const PORT = E2E.ports.ownServers[5];
const RETIRED_ON = "2026-09-30";

async function post(request: APIRequestContext, base: string, url: string, data: unknown) {
  return request.post(`${base}${url}`, { data, headers: { origin: base } });
}

async function models(request: APIRequestContext, base: string): Promise<ApiModel[]> {
  const res = await request.get(`${base}/api/models`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { models: ApiModel[] }).models;
}

test("a retired model: the page says so, runs are refused with the date, history and shares stay", async ({ page, request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-retirement-"));
  const env = { DATA_DIR: dataDir, EMPIRIOLABS_API_KEY: "", ENGINE_API_KEY: "", DATABASE_URL: "", ENGINE_LATENCY_MS: "300-600", LOG_LEVEL: "warn" };
  const servers: AppServer[] = [];
  try {
    // Before: the three models are on offer, and Nova Canvas makes history.
    const before = await startAppServer({ port: PORT, env: { ...env, ENGINE_FAULTS: "" }, timeoutMs: WAIT.serverStart });
    servers.push(before);
    expect((await models(request, before.url)).map((m) => [m.id, m.source, m.unavailable])).toEqual([
      [novaCanvas.id, "built-in", null],
      [FLUX_KLEIN_ID, "catalog", null],
      [SEEDREAM_LITE_ID, "catalog", null],
    ]);
    const created = await post(request, before.url, "/api/jobs", { prompt: "a lighthouse before the retirement", seed: 31 });
    expect(created.status(), await created.text()).toBe(201);
    const old = await waitForJobStatus(request, ((await created.json()) as ApiJob).id, ["completed"], { baseUrl: before.url });
    const shared = await post(request, before.url, "/api/shares", { imageIds: [old.images[0].id], title: "before the retirement" });
    expect(shared.status(), await shared.text()).toBe(201);
    const share = (await shared.json()) as { path: string };
    await before.kill();

    // After: the same data folder, the engine retiring the model.
    const after = await startAppServer({ port: PORT, env: { ...env, ENGINE_FAULTS: `retire=${novaCanvas.id}@${RETIRED_ON}` }, timeoutMs: WAIT.serverStart });
    servers.push(after);
    const base = after.url;
    const listed = await models(request, base);
    expect(listed.find((m) => m.id === novaCanvas.id)).toMatchObject({
      status: "retired",
      retiresOn: RETIRED_ON,
      unavailable: { reason: `${novaCanvas.label} was retired on ${RETIRED_ON}.`, since: RETIRED_ON },
    });
    expect(listed.filter((m) => !m.unavailable).map((m) => m.id)).toEqual([FLUX_KLEIN_ID, SEEDREAM_LITE_ID]);

    // A run on it, with or without `model`, is refused by name, with the date and the way out.
    for (const body of [{ prompt: "a lighthouse" }, { model: novaCanvas.id, prompt: "a lighthouse" }]) {
      const refused = await post(request, base, "/api/jobs", body);
      expect(refused.status()).toBe(422);
      const error = ((await refused.json()) as { error: { fields: { field: string; message: string }[] } }).error;
      expect(error.fields).toEqual([
        { field: "model", message: `${novaCanvas.label} was retired on ${RETIRED_ON}. Choose another model: FLUX.2 [klein] 4B, Seedream 5.0 Lite.` },
      ]);
    }

    // The page says so with the date, offers the models that can run, and Run is disabled.
    const playground = new PlaygroundPage(page);
    const picker = new ModelPicker(page);
    await page.goto(`${base}/`);
    await picker.waitForModels();
    await expect(picker.select).toHaveValue(novaCanvas.id);
    await expect(picker.select.locator("option").first()).toHaveText(`${novaCanvas.label} (retired on ${RETIRED_ON})`);
    const notice = page.getByTestId("model-unavailable");
    await expect(notice).toContainText(`${novaCanvas.label} was retired on ${RETIRED_ON}. Choose a model that can run:`);
    await playground.prompt.fill("a lighthouse after the retirement");
    await expect(playground.runButton).toBeDisabled();
    await expect(playground.runHint).toContainText(`retired on ${RETIRED_ON}`);
    await notice.getByRole("button", { name: "Switch to FLUX.2 [klein] 4B" }).click();
    await expect(picker.select).toHaveValue(FLUX_KLEIN_ID);
    await expect(notice).toHaveCount(0);
    await expect(playground.prompt).toHaveValue("a lighthouse after the retirement");
    await expect(playground.runButton).toBeEnabled();

    // Reusing the old run loads it into the model that can run, saying what did not fit.
    await playground.jobCard(old.id).getByRole("button", { name: "Reuse with seed", exact: true }).click();
    await expect(page.getByTestId("form-notice")).toContainText(`${novaCanvas.label} was retired on ${RETIRED_ON}; loaded into FLUX.2 [klein] 4B`);
    await expect(picker.select).toHaveValue(FLUX_KLEIN_ID);
    await expect(playground.prompt).toHaveValue("a lighthouse before the retirement");
    await expect(playground.seed).toHaveValue("31");
    await expect(playground.runButton).toBeEnabled();

    // History stays: the old job, its image in the gallery, the share and its image.
    const job = (await (await request.get(`${base}/api/jobs/${old.id}`)).json()) as ApiJob;
    expect(job).toMatchObject({ status: "completed", model: novaCanvas.id });
    expect((await readGallery(request, base)).items.map((i) => i.id)).toContain(old.images[0].id);
    expect((await request.get(`${base}${share.path}`)).status()).toBe(200);
    expect((await request.get(`${base}${share.path}/i/1`)).status()).toBe(200);

    // Reuse into another model: the old run's prompt and seed on FLUX complete, at its price.
    const reused = await post(request, base, "/api/jobs", { model: FLUX_KLEIN_ID, prompt: job.params.prompt, seed: job.params.seed });
    expect(reused.status(), await reused.text()).toBe(201);
    const done = await waitForJobStatus(request, ((await reused.json()) as ApiJob).id, ["completed"], { baseUrl: base });
    expect(done.images.map((i) => i.costUsd)).toEqual([0.0085]);
  } finally {
    for (const s of servers) await s.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
