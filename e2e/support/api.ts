import { expect, type APIRequestContext } from "@playwright/test";
import type { ApiErrorBody, ApiJob, GalleryPage, JobStatus } from "../../lib/api-types";
import { E2E, WAIT } from "./env";

export type { ApiErrorBody, ApiJob, GalleryPage, JobStatus };

/** A TEXT_IMAGE body the API accepts; override any field. */
export function textImageBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    task_type: "TEXT_IMAGE",
    prompt: `e2e fox in the snow ${Date.now()}`,
    aspect_ratio: "1:1",
    size_scale: "small",
    quality: "standard",
    number_of_images: 1,
    cfg_scale: 7.5,
    seed: 4242,
    ...overrides,
  };
}

/** POST /api/jobs (absolute URL when `baseUrl` is given) and return the created job. */
export async function submitJob(request: APIRequestContext, body: Record<string, unknown>, baseUrl = ""): Promise<ApiJob> {
  const res = await request.post(`${baseUrl}/api/jobs`, { data: body });
  expect(res.status(), `POST /api/jobs answered ${res.status()}: ${await res.text()}`).toBe(201);
  return (await res.json()) as ApiJob;
}

export async function getJob(request: APIRequestContext, id: string, baseUrl = ""): Promise<ApiJob> {
  const res = await request.get(`${baseUrl}/api/jobs/${id}`);
  expect(res.status(), `GET /api/jobs/${id}`).toBe(200);
  return (await res.json()) as ApiJob;
}

/**
 * Polls GET /api/jobs/{id} until its status is one of `statuses`. Fails at once when the job
 * reaches a terminal status that was not asked for, and after `timeout` otherwise.
 */
export async function waitForJobStatus(
  request: APIRequestContext,
  id: string,
  statuses: JobStatus[],
  { baseUrl = "", timeout = WAIT.job }: { baseUrl?: string; timeout?: number } = {},
): Promise<ApiJob> {
  const deadline = Date.now() + timeout;
  let last: ApiJob | undefined;
  for (;;) {
    last = await getJob(request, id, baseUrl);
    if (statuses.includes(last.status)) return last;
    if (last.status === "completed" || last.status === "failed") {
      throw new Error(`job ${id} ended ${last.status} ${JSON.stringify(last.error)}; expected ${statuses.join("/")}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`job ${id} still ${last.status} after ${timeout} ms; expected ${statuses.join("/")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function readGallery(request: APIRequestContext, baseUrl = "", limit = 200): Promise<GalleryPage> {
  const res = await request.get(`${baseUrl}/api/gallery?limit=${limit}`);
  expect(res.status(), "GET /api/gallery").toBe(200);
  return (await res.json()) as GalleryPage;
}

/** Replaces the standalone engine's engine-wide fault spec ("" clears it). */
export async function setEngineFaults(request: APIRequestContext, faults: string): Promise<void> {
  const res = await request.put(`${E2E.engineUrl}/_engine/faults`, {
    headers: { authorization: `Bearer ${E2E.secretKey}` },
    data: { faults },
  });
  expect(res.status(), `PUT /_engine/faults ${JSON.stringify(faults)}: ${await res.text()}`).toBe(200);
}

/** How many jobs the standalone engine holds (its health endpoint counts them). */
export async function engineJobCount(request: APIRequestContext): Promise<number> {
  const res = await request.get(`${E2E.engineUrl}/_engine/health`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { ok: boolean; jobs: number };
  return body.jobs;
}
