import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { engineOutput, runSnippet, waitForEngineJob } from "./support/engine";
import { E2E } from "./support/env";
import { fetchImage, png, rectMask, texturedPng } from "./support/images";
import { runToCompletion, unique } from "./support/runs";

/**
 * "Copy request" must be a request that really runs: the cURL text copied from a completed job
 * is run with bash against the standalone engine (the key and base URL come from the
 * environment, as the snippet says), and the engine's image must be byte-identical to the one
 * we stored for the same request and seed.
 */

async function openCurl(playground: PlaygroundPage, jobId: string) {
  await playground.copyRequestButton(jobId).click();
  const panel = playground.jobCard(jobId).getByTestId("copy-request-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("tab", { name: "cURL" })).toHaveAttribute("aria-selected", "true");
  return panel;
}

test("the copied cURL of a TEXT_IMAGE job runs on the engine and gives the same bytes", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  const prompt = `e2e copy request, a neon city at night ${unique()}`;
  await playground.prompt.fill(prompt);
  const job = await runToCompletion(playground, request);

  await openCurl(playground, job.id);
  const code = await playground.copyRequestCode(job.id).textContent();
  expect(code).toContain('Authorization: Bearer $EMPIRIOLABS_API_KEY');
  expect(code).toContain("${EMPIRIOLABS_BASE_URL:-");
  expect(code).toContain(`"seed": ${job.seed}`);
  expect(code).toContain(JSON.stringify(prompt));

  const answer = JSON.parse(await runSnippet(code!)) as { job_id?: string; status?: string };
  expect(answer.job_id, `engine answer: ${JSON.stringify(answer)}`).toMatch(/^job_/);
  const engineJob = await waitForEngineJob(request, answer.job_id!);
  expect(engineJob.result?.data).toHaveLength(1);

  const theirs = await engineOutput(request, engineJob);
  const ours = await fetchImage(request, job.images[0].url);
  expect(ours.length).toBeGreaterThan(1000);
  expect(Buffer.compare(theirs, ours), "engine image = our stored image for the same seed").toBe(0);
});

test("the copied cURL of an INPAINTING job in URL mode: the engine fetches our inputs and gives the same bytes", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("INPAINTING");
  await playground.prompt.fill(`e2e copy request inpaint, a wooden bench ${unique()}`);
  await form.image("image").choose(png("room.png", (await texturedPng(640, 480)).png));
  await expect(form.image("image").root).toContainText("640 × 480");
  await form.image("mask_image").choose(png("mask.png", await rectMask(640, 480, { x: 100, y: 260, width: 300, height: 160 })));
  await expect(form.image("mask_image").root).toContainText("640 × 480");
  await expect(form.maskOverlay).toBeVisible();
  await expect(form.image("mask_image").problems.getByRole("listitem")).toHaveCount(0);
  const job = await runToCompletion(playground, request);
  expect(job.inputs).toHaveLength(2);

  const panel = await openCurl(playground, job.id);
  const code = playground.copyRequestCode(job.id);
  // A loopback origin defaults to placeholders (a cloud gateway could not reach it)…
  await expect(panel.getByRole("radio", { name: "As base64 placeholders" })).toBeChecked();
  await expect(code).toContainText("<BASE64_PNG_OF_image>");
  // …but the standalone engine can: switch to URLs of this playground.
  await panel.getByRole("radio", { name: "Images as URLs of this playground" }).check();
  for (const input of job.inputs) await expect(code).toContainText(`${E2E.offlineUrl}${input.url}`);
  const text = (await code.textContent())!;
  expect(text).not.toContain("BASE64_PNG_OF");

  const answer = JSON.parse(await runSnippet(text)) as { job_id?: string; error?: unknown };
  expect(answer.job_id, `engine answer: ${JSON.stringify(answer)}`).toMatch(/^job_/);
  const engineJob = await waitForEngineJob(request, answer.job_id!);
  const theirs = await engineOutput(request, engineJob);
  const ours = await fetchImage(request, job.images[0].url);
  expect(Buffer.compare(theirs, ours), "engine image = our stored image for the same seed").toBe(0);
});
