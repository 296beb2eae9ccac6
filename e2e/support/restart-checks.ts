import { expect, type APIRequestContext } from "@playwright/test";
import { getJob, readGallery, waitForJobStatus, type ApiJob } from "./api";
import type { AppServer } from "./app-server";

/**
 * What "the job survived the restart" means, for restart.spec.ts (gateway mode) and
 * restart-offline.spec.ts (the built-in engine): the job of `imagesRequested` images completes on
 * the second server, each image is stored once and served, and only the second server finished it
 * (the tracker logs one line per completion). The gallery holds exactly this job's images.
 */
export async function expectCompletedOnceAfterRestart(
  request: APIRequestContext,
  jobId: string,
  servers: { first: AppServer; second: AppServer },
  imagesRequested: number,
): Promise<ApiJob> {
  const base = servers.second.url;
  // waitForJobStatus fails at once on "failed" (upstream_lost, say).
  const done = await waitForJobStatus(request, jobId, ["completed"], { baseUrl: base, timeout: 90_000 });
  expect(done.error).toBeNull();
  expect(done.imagesReturned).toBe(imagesRequested);
  expect(done.images.map((i) => i.index).sort()).toEqual([...Array(imagesRequested).keys()]);
  expect(new Set(done.images.map((i) => i.id)).size).toBe(imagesRequested);

  const gallery = await readGallery(request, base);
  expect(gallery.items.map((i) => i.id).sort()).toEqual(done.images.map((i) => i.id).sort());
  for (const image of done.images) {
    const file = await request.get(`${base}${image.url}`);
    expect(file.status(), image.url).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
  }
  // Read again: the resumed copy did not add rows after "completed".
  expect((await getJob(request, jobId, base)).images).toHaveLength(imagesRequested);

  const completedLine = new RegExp(`"event":"job\\.completed","jobId":"${jobId}"`);
  expect(servers.first.logs()).not.toMatch(completedLine);
  expect(servers.second.logs()).toMatch(completedLine);
  return done;
}
