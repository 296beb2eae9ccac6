import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type APIRequestContext } from "@playwright/test";
import { E2E, WAIT } from "./env";

/** The standalone engine (E2E.engineUrl, key E2E.secretKey), spoken to the way a user of the gateway would. */

export interface EngineJob {
  job_id: string;
  status: "queued" | "processing" | "completed" | "failed";
  progress: number;
  result: { created: number; data: { url?: string; b64_json?: string; role?: string }[] } | null;
  error: { code: string; message: string } | null;
}

const run = promisify(execFile);

/**
 * Runs a copied shell snippet with bash, with the two environment variables the snippet reads
 * pointing at the standalone engine. Returns stdout (curl -sS prints only the answer's body).
 */
export async function runSnippet(code: string): Promise<string> {
  const { stdout } = await run("bash", ["-c", code], {
    env: { ...process.env, EMPIRIOLABS_API_KEY: E2E.secretKey, EMPIRIOLABS_BASE_URL: E2E.engineUrl },
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Polls GET /v1/jobs/{id} with the key until the job completes (fails at once if it fails). */
export async function waitForEngineJob(request: APIRequestContext, id: string, timeout = WAIT.job): Promise<EngineJob> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const res = await request.get(`${E2E.engineUrl}/v1/jobs/${id}`, { headers: { authorization: `Bearer ${E2E.secretKey}` } });
    expect(res.status(), `GET /v1/jobs/${id}: ${await res.text()}`).toBe(200);
    const job = (await res.json()) as EngineJob;
    if (job.status === "completed") return job;
    if (job.status === "failed") throw new Error(`engine job ${id} failed: ${JSON.stringify(job.error)}`);
    if (Date.now() > deadline) throw new Error(`engine job ${id} still ${job.status} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** Downloads output `index` of a completed engine job (signed URL, no key needed). */
export async function engineOutput(request: APIRequestContext, job: EngineJob, index = 0): Promise<Buffer> {
  const url = job.result?.data[index]?.url;
  expect(url, `engine job ${job.job_id} output ${index} has a URL`).toBeTruthy();
  const res = await request.get(url!);
  expect(res.status(), `GET ${url}`).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  return res.body();
}
