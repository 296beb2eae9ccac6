import "server-only";
import { AppError } from "@/lib/errors";
import { parseModelDetail, parseModelList, type CatalogListEntry, type ParsedModelDetail } from "@/lib/models/catalog";
import { backoffDelay, parseRetryAfter } from "./backoff";
import { parseUpstreamJob, type UpstreamJob } from "./parse-job";
import { readCappedBody } from "./read-capped-body";
import { isRetryable, upstreamErrorFromResponse } from "./upstream-error";

/**
 * The gateway client. Same code for the real gateway and the offline engine; only the base URL
 * and key differ.
 *
 * Retry policy:
 * - GETs (job status, output downloads) are idempotent: retried with exponential backoff and
 *   full jitter, honouring Retry-After on 429.
 * - POST /v1/images/generations is NOT idempotent (each accepted submit is billed). It is retried
 *   only when the gateway provably did not accept it: a 429, or a connection that was refused
 *   before any byte was sent. When the outcome is unknown (timeout or reset after sending, 504)
 *   it throws `outcome_unknown` and the caller records that instead of resending.
 *
 * Request budget: with `budget`, every request to the gateway (not the output downloads, which
 * go to signed URLs) first takes a request from it, and every 429 is reported to it. A caller
 * that took its requests already (the tracker, the run queue) passes `{ prepaid: true }`: one
 * attempt, no second take; it handles failures itself.
 */
export type BudgetedKind = "poll" | "submit" | "catalog" | "sync";

/** What the client needs of the account's request budget (lib/budget implements it). */
export interface UpstreamBudget {
  /** Resolves when one request of this kind may be made (it is then counted). */
  acquire(kind: BudgetedKind): Promise<void>;
  /** The gateway answered 429: no request until Retry-After (undefined when it sent none). */
  rateLimited(retryAfterMs: number | undefined): Promise<void>;
}

export interface CallOptions {
  /** The caller already took this request from the budget: make one attempt, take nothing. */
  prepaid?: boolean;
}
export interface UpstreamClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Longest Retry-After we are willing to sleep inside one call; longer ones are thrown. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  redact?: (s: string) => string;
  /** Extra headers on every request (tests use X-Engine-Faults). */
  headers?: Record<string, string>;
  /** Largest output file `download` reads (default 64 MB); larger ones are refused as they stream. */
  maxDownloadBytes?: number;
  budget?: UpstreamBudget;
}

/**
 * Outputs are at most 2048×2048 PNGs (about 12 MB even for noise); 64 MB leaves room for any
 * honest file and stops a hostile or broken one from filling memory.
 */
export const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/**
 * The catalog is a few hundred models of a few hundred bytes each; 4 MB leaves room for far more
 * and stops a broken or hostile answer from filling memory (it is refused as it streams).
 */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

export interface SubmitResult {
  jobId: string;
  status: string;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Errors of requests that provably never reached the gateway (safe to resend even a POST). */
const neverSentErrors = new WeakSet<AppError>();

function neverSent(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
}

export function createUpstreamClient(opts: UpstreamClientOptions) {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const maxAttempts = opts.maxAttempts ?? 4;
  const backoff = opts.backoff ?? { baseMs: 250, maxMs: 8000 };
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 10_000;
  const sleep = opts.sleep ?? defaultSleep;
  const redact = opts.redact ?? ((s: string) => s);
  const maxDownloadBytes = opts.maxDownloadBytes ?? MAX_DOWNLOAD_BYTES;

  /** A gateway request (counted in the budget unless prepaid). `kind` null: an output download. */
  async function request(method: string, path: string, body: unknown, kind: BudgetedKind | null, call: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
    if (kind) headers.authorization = `Bearer ${opts.apiKey}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const url = path.startsWith("http") ? path : `${base}${path}`;
    if (kind && opts.budget && !call.prepaid) await opts.budget.acquire(kind);
    const res = await send(method, url, headers, body);
    if (kind && res.status === 429) await opts.budget?.rateLimited(parseRetryAfter(res.headers.get("retry-after")));
    return res;
  }

  async function send(method: string, url: string, headers: Record<string, string>, body: unknown): Promise<Response> {
    try {
      return await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: "follow",
      });
    } catch (e) {
      if (neverSent(e)) {
        const err = new AppError("upstream_unavailable", "The gateway could not be reached.", { cause: e });
        neverSentErrors.add(err);
        throw err;
      }
      const timedOut = (e as { name?: string })?.name === "TimeoutError";
      throw new AppError(
        method === "POST" ? "outcome_unknown" : "upstream_unavailable",
        timedOut ? `The gateway did not answer within ${opts.timeoutMs} ms.` : "The connection to the gateway failed.",
        { cause: e },
      );
    }
  }

  /** Runs `attempt` until it succeeds or fails in a way retrying cannot fix (once when prepaid). */
  async function withRetries<T>(attempt: () => Promise<T>, retryIf: (e: unknown) => boolean, call: CallOptions = {}): Promise<T> {
    const attempts = call.prepaid ? 1 : maxAttempts;
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (n + 1 >= attempts || !retryIf(e)) throw e;
        const retryAfterMs = e instanceof AppError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : undefined;
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) throw e;
        await sleep(retryAfterMs ?? backoffDelay(n, { ...backoff, random: opts.random }));
      }
    }
  }

  /** A failed job's reason is the gateway's text: it may quote what we sent, key included. */
  function redactJobError(job: UpstreamJob): UpstreamJob {
    return job.error ? { ...job, error: { code: redact(job.error.code), message: redact(job.error.message) } } : job;
  }

  async function json<T>(res: Response): Promise<T> {
    if (!res.ok) throw await upstreamErrorFromResponse(res, redact);
    try {
      return (await res.json()) as T;
    } catch (e) {
      throw new AppError("upstream_unavailable", "The gateway sent a response that is not JSON.", { cause: e });
    }
  }

  /** A catalog answer: capped as it streams, then parsed as JSON (not JSON is transient, as for jobs). */
  async function catalogJson(res: Response, what: string): Promise<unknown> {
    if (!res.ok) throw await upstreamErrorFromResponse(res, redact);
    const bytes = await readCappedBody(res, MAX_CATALOG_BYTES, what);
    try {
      return JSON.parse(bytes.toString("utf8")) as unknown;
    } catch (e) {
      throw new AppError("upstream_unavailable", "The gateway sent a response that is not JSON.", { cause: e });
    }
  }

  return {
    baseUrl: base,

    /** GET /v1/models: the catalog's image models (contract §7); other models are left out. */
    async listModels(): Promise<CatalogListEntry[]> {
      return withRetries(async () => parseModelList(await catalogJson(await request("GET", "/v1/models", undefined, "catalog"), "The model list")), isRetryable);
    },

    /**
     * GET /v1/models/{id}: one model's schema. `ignored` lists what the parser did not understand
     * (for the log; redacted, as it quotes the gateway). An answer about another model is no model.
     */
    async getModelDetail(id: string): Promise<ParsedModelDetail> {
      return withRetries(async () => {
        const res = await request("GET", `/v1/models/${encodeURIComponent(id)}`, undefined, "catalog");
        if (res.status === 404) {
          await res.body?.cancel();
          throw new AppError("not_found", `The gateway does not know the model ${JSON.stringify(id)}.`);
        }
        const parsed = parseModelDetail(await catalogJson(res, "The model's description"));
        const ignored = parsed.ignored.map(redact);
        if (parsed.model && parsed.model.id !== id) {
          return { model: null, ignored: [...ignored, redact(`the answer describes ${JSON.stringify(parsed.model.id)}, not ${JSON.stringify(id)}`)] };
        }
        return { model: parsed.model, ignored };
      }, isRetryable);
    },

    async submit(payload: Record<string, unknown>, call: CallOptions = {}): Promise<SubmitResult> {
      const notAccepted = (e: unknown) =>
        e instanceof AppError && (e.code === "rate_limited" || neverSentErrors.has(e));
      return withRetries(async () => {
        const res = await request("POST", "/v1/images/generations", payload, "submit", call);
        // 503 says "not now" (nothing accepted); any other 5xx may come from a proxy after the
        // gateway accepted the job, so its outcome is unknown.
        if (res.status >= 500 && res.status !== 503) {
          throw new AppError("outcome_unknown", `The gateway answered HTTP ${res.status} while accepting the job.`);
        }
        if (!res.ok) throw await upstreamErrorFromResponse(res, redact);
        let body: Record<string, unknown>;
        try {
          body = (await res.json()) as Record<string, unknown>;
        } catch (e) {
          // A 2xx means the gateway may have accepted (and billed) the job: never "not accepted".
          throw new AppError("outcome_unknown", "The gateway accepted the request but its answer could not be read.", { cause: e });
        }
        const job = parseUpstreamJob(body);
        if (!job.jobId) throw new AppError("outcome_unknown", "The gateway accepted the request but sent no job id.");
        return { jobId: job.jobId, status: typeof body.status === "string" ? body.status : "queued" };
      }, notAccepted, call);
    },

    async getJob(jobId: string, call: CallOptions = {}): Promise<UpstreamJob> {
      return withRetries(async () => {
        const res = await request("GET", `/v1/jobs/${encodeURIComponent(jobId)}`, undefined, "poll", call);
        return redactJobError(parseUpstreamJob(await json<unknown>(res), jobId));
      }, isRetryable, call);
    },

    /** `"sync": true`: the request stays open and returns the OpenAI images response. */
    async generateSync(payload: Record<string, unknown>): Promise<UpstreamJob> {
      const res = await request("POST", "/v1/images/generations", { ...payload, sync: true }, "sync");
      const body = await json<Record<string, unknown>>(res);
      return redactJobError(parseUpstreamJob({ status: "completed", result: body }));
    },

    /** Output files are signed URLs: fetched without our key so it never leaves for a CDN. */
    async download(url: string): Promise<{ bytes: Buffer; contentType: string | null }> {
      return withRetries(async () => {
        const res = await request("GET", url, undefined, null);
        if (res.status === 403 || res.status === 404 || res.status === 410) {
          throw new AppError("not_found", `The output URL is no longer valid (HTTP ${res.status}).`);
        }
        if (!res.ok) throw await upstreamErrorFromResponse(res, redact);
        const bytes = await readCappedBody(res, maxDownloadBytes, "The output file");
        return { bytes, contentType: res.headers.get("content-type") };
      }, isRetryable);
    },
  };
}

export type UpstreamClient = ReturnType<typeof createUpstreamClient>;
