/**
 * Options of one engine instance. Tests pass a few of them (port 0, short latency); main.ts
 * fills them from env(). Nothing here reads the environment itself.
 */
export interface EngineOptions {
  host: string;
  /** 0 = any free port (tests). */
  port: number;
  /** When set, only this bearer key is accepted; otherwise any non-empty key is. */
  apiKey?: string;
  /** Simulated duration of a standard, small job; premium ×1.5, large ×1.5. */
  latencyMs: { min: number; max: number };
  /** Lifetime of the signed output URLs, counted from job completion. */
  outputTtlSeconds: number;
  /** Authenticated /v1 requests per key per sliding minute. */
  rateLimitPerMinute: number;
  /** Fault spec applied to every submit (README: "Fault injection"). */
  faults: string;
  /** One line per request: method, path, status, ms. Never headers, bodies or keys. */
  log: boolean;
  /** How long a finished job stays readable; afterwards its id and files answer 404. */
  jobRetentionSeconds: number;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /** Byte budget of rendered PNGs kept in memory (they are re-rendered on demand). */
  imageCacheBytes: number;
  /** How long fetching an http(s) image input may take before the submit answers 400. */
  inputFetchTimeoutMs: number;
  /**
   * Also fetch image inputs from loopback and private addresses. Off by default: the engine
   * inside the app never sets it, so a client cannot make the server reach into its own
   * networks. The standalone engine sets it from ENGINE_ALLOW_PRIVATE_URLS for tests that play
   * the gateway on one machine.
   */
  allowPrivateUrls: boolean;
  /**
   * A folder for the job table, input images and URL-signing secret, so a restarted engine
   * still answers for the jobs it accepted (job-disk.ts). Unset: everything is in memory.
   */
  dataDir?: string;
  /**
   * Serve GET/PUT /_engine/faults (test control). Off by default, and it requires `apiKey`:
   * a control endpoint any local process could reach with a guessable key is a finding.
   * Off, the path answers 404 as if it did not exist; setFaults() on the handle always works.
   */
  controlEndpoints: boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  host: "127.0.0.1",
  port: 4010,
  latencyMs: { min: 2000, max: 4000 },
  outputTtlSeconds: 3600,
  rateLimitPerMinute: 50,
  faults: "",
  log: false,
  jobRetentionSeconds: 3600,
  maxBodyBytes: 50 * 1024 * 1024,
  imageCacheBytes: 256 * 1024 * 1024,
  inputFetchTimeoutMs: 10_000,
  allowPrivateUrls: false,
  controlEndpoints: false,
};

export function resolveEngineOptions(opts: Partial<EngineOptions> = {}): EngineOptions {
  const merged = { ...DEFAULT_ENGINE_OPTIONS, ...dropUndefined(opts) };
  const { min, max } = merged.latencyMs;
  if (!(min >= 0 && max >= min)) throw new Error(`engine latencyMs must satisfy 0 <= min <= max (got ${min}-${max})`);
  if (merged.controlEndpoints && !merged.apiKey) throw new Error("engine controlEndpoints requires apiKey (the bearer key the control endpoint checks)");
  return merged;
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
