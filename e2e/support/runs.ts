import { expect, type APIRequestContext } from "@playwright/test";
import type { PlaygroundPage } from "../pages/playground-page";
import { waitForJobStatus, type ApiJob } from "./api";
import { WAIT } from "./env";
import { decode, fetchImage, type Raw } from "./images";

export const unique = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/**
 * Presses Run, then waits for the job to complete: through the API (which fails at once, with
 * the job's error, if the job fails) and on its card (status and thumbnails).
 */
export async function runToCompletion(playground: PlaygroundPage, request: APIRequestContext): Promise<ApiJob> {
  const created = await playground.run("button");
  const done = await waitForJobStatus(request, created.id, ["completed"]);
  await expect(playground.jobCard(created.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  expect(done.images.length, "the completed job has images").toBeGreaterThan(0);
  await expect(playground.resultImages(created.id)).toHaveCount(done.images.length);
  return done;
}

/** The stored full-size result `index` of a job, as bytes and decoded (RGB, or RGBA with `alpha`). */
export async function resultPixels(
  request: APIRequestContext,
  job: ApiJob,
  { index = 0, alpha = false } = {},
): Promise<{ bytes: Buffer; raw: Raw }> {
  const image = job.images.find((i) => i.index === index);
  expect(image, `job ${job.id} has result ${index}`).toBeDefined();
  const bytes = await fetchImage(request, image!.url);
  const raw = await decode(bytes, { alpha });
  expect([raw.width, raw.height], "the stored file has the size the job reports").toEqual([image!.width, image!.height]);
  return { bytes, raw };
}
