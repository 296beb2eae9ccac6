/**
 * Defensive reading of the gateway's job and images responses (contract section 2). The inner
 * shape of `result` is an assumption, so every known variant is accepted and anything else
 * yields no outputs rather than a crash.
 */
export type UpstreamStatus = "queued" | "processing" | "completed" | "failed";

export type UpstreamOutput = ({ kind: "url"; url: string } | { kind: "b64"; data: string }) & {
  /** "mask": the mask a try-on used (`return_mask`), not a billed image. */
  role?: "mask";
};

export interface UpstreamJob {
  jobId: string;
  status: UpstreamStatus;
  progress: number | null;
  outputs: UpstreamOutput[];
  error: { code: string; message: string } | null;
  /** The upstream's own figure for the job's cost, when it reports one (micro-dollars). */
  costMicros: number | null;
}

const STATUS_ALIASES: Record<string, UpstreamStatus> = {
  queued: "queued",
  pending: "queued",
  submitted: "queued",
  processing: "processing",
  running: "processing",
  in_progress: "processing",
  completed: "completed",
  succeeded: "completed",
  success: "completed",
  failed: "failed",
  error: "failed",
  cancelled: "failed",
  canceled: "failed",
  expired: "failed",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readOutput(item: unknown): UpstreamOutput | null {
  if (typeof item === "string") {
    return /^https?:\/\//.test(item) ? { kind: "url", url: item } : item.length > 0 ? { kind: "b64", data: item } : null;
  }
  if (!isObject(item)) return null;
  const role = item.role === "mask" ? { role: "mask" as const } : {};
  if (typeof item.url === "string" && item.url) return { kind: "url", url: item.url, ...role };
  for (const key of ["b64_json", "base64", "b64", "image"]) {
    const v = item[key];
    if (typeof v === "string" && v) return { kind: "b64", data: v, ...role };
  }
  return null;
}

/** `result.data[]`, else `result.images[]`, else `result.output[]` / `result.urls[]`. */
export function readOutputs(result: unknown): UpstreamOutput[] {
  if (!isObject(result)) return [];
  for (const key of ["data", "images", "output", "urls"]) {
    const list = result[key];
    if (Array.isArray(list)) return list.map(readOutput).filter((o): o is UpstreamOutput => o !== null);
  }
  return [];
}

function readCostMicros(...sources: unknown[]): number | null {
  for (const s of sources) {
    if (!isObject(s)) continue;
    const usage = isObject(s.usage) ? s.usage : {};
    for (const v of [s.cost, s.cost_usd, s.price, usage.cost, usage.cost_usd]) {
      const n = typeof v === "string" ? Number(v) : v;
      if (typeof n === "number" && Number.isFinite(n) && n >= 0) return Math.round(n * 1_000_000);
    }
  }
  return null;
}

export function parseUpstreamJob(body: unknown, fallbackId = ""): UpstreamJob {
  const o = isObject(body) ? body : {};
  const rawStatus = typeof o.status === "string" ? o.status.toLowerCase() : "";
  let status = STATUS_ALIASES[rawStatus] ?? "processing";
  const outputs = readOutputs(o.result);
  const err = isObject(o.error) ? o.error : null;
  const error = err
    ? {
        code: typeof err.code === "string" ? err.code : "upstream_error",
        message: typeof err.message === "string" ? err.message : "The job failed upstream.",
      }
    : null;
  if (error && status !== "completed") status = "failed";
  let progress: number | null = null;
  if (typeof o.progress === "number" && Number.isFinite(o.progress)) {
    // Some services report percent; normalise to 0..1.
    progress = Math.min(1, Math.max(0, o.progress > 1 ? o.progress / 100 : o.progress));
  }
  const jobId = typeof o.job_id === "string" ? o.job_id : typeof o.id === "string" ? o.id : fallbackId;
  return { jobId, status, progress, outputs, error, costMicros: readCostMicros(o, o.result) };
}
