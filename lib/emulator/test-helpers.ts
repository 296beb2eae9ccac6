import sharp from "sharp";
import { startEngine, type EngineHandle, type EngineOptions } from "@/lib/emulator/server";
import { novaCanvas } from "@/lib/models";

/** Shared by the engine's tests: a fast engine, an authenticated fetch, submit-and-wait. */
export const KEY = "sk-test";
export const MODEL = novaCanvas.id;

export function startTestEngine(opts: Partial<EngineOptions> = {}): Promise<EngineHandle> {
  return startEngine({ port: 0, latencyMs: { min: 50, max: 100 }, rateLimitPerMinute: 10_000, ...opts });
}

export function call(engine: EngineHandle, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, headers, ...rest } = init;
  return fetch(engine.url + path, {
    ...rest,
    method: rest.method ?? (json === undefined ? "GET" : "POST"),
    headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json", ...(headers as Record<string, string>) },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
}

export function submit(engine: EngineHandle, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return call(engine, "/v1/images/generations", { json: { model: MODEL, ...body }, headers });
}

export interface JobJson {
  job_id: string;
  status: "queued" | "processing" | "completed" | "failed";
  progress: number;
  created_at: string;
  completed_at: string | null;
  result: { created: number; data: { url: string }[] } | null;
  error: { code: string; message: string } | null;
}

/** Polls until the job is terminal; returns every snapshot seen, in order. */
export async function pollJob(engine: EngineHandle, jobId: string, everyMs = 10): Promise<JobJson[]> {
  const seen: JobJson[] = [];
  for (let i = 0; i < 2000; i++) {
    const res = await call(engine, `/v1/jobs/${jobId}`);
    if (res.status !== 200) throw new Error(`poll answered ${res.status}: ${await res.text()}`);
    const job = (await res.json()) as JobJson;
    seen.push(job);
    if (job.status === "completed" || job.status === "failed") return seen;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error("job never finished");
}

/** Submit, wait, return the final job. */
export async function runJob(engine: EngineHandle, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<JobJson> {
  const res = await submit(engine, body, headers);
  if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  const { job_id } = (await res.json()) as { job_id: string };
  return (await pollJob(engine, job_id)).at(-1)!;
}

export async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`download answered ${res.status}: ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** All images of a finished job, as PNG bytes. */
export async function imagesOf(engine: EngineHandle, body: Record<string, unknown>): Promise<Buffer[]> {
  const job = await runJob(engine, body);
  if (job.status !== "completed") throw new Error(`job ${job.status}: ${job.error?.message}`);
  return Promise.all(job.result!.data.map((d) => download(d.url)));
}

export async function pngSize(png: Buffer): Promise<{ width: number; height: number; format: string }> {
  const m = await sharp(png).metadata();
  return { width: m.width!, height: m.height!, format: m.format! };
}

/** Mean R, G, B of an image. */
export async function meanColour(png: Buffer): Promise<[number, number, number]> {
  const stats = await sharp(png).stats();
  return [stats.channels[0].mean, stats.channels[1].mean, stats.channels[2].mean];
}
