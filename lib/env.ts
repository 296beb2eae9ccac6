import { z } from "zod";

/**
 * The one place that reads process.env (DESIGN.md section 4). Everything is validated once;
 * a bad value stops start-up with a message naming the variable.
 *
 * Secrets (EMPIRIOLABS_API_KEY, ENGINE_API_KEY) are never NEXT_PUBLIC_ and never logged.
 */
const bool = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const usdCap = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 1_000_000) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not an amount in US dollars between 0 and 1000000, for example "25" or "7.50"` });
      return z.NEVER;
    }
    return n;
  });

/** An optional absolute http(s) URL, kept as `keep` makes it; anything else names an example. */
function httpUrl(example: string, keep: (u: URL) => string) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        const u = new URL(v);
        if (u.protocol === "http:" || u.protocol === "https:") return keep(u);
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: `use an absolute http(s) URL, for example "${example}"` });
      return z.NEVER;
    });
}

const schema = z.object({
  EMPIRIOLABS_API_KEY: z.string().optional().transform((v) => (v ? v : undefined)),
  EMPIRIOLABS_BASE_URL: z.string().url().default("https://api.empiriolabs.ai"),
  DATABASE_URL: z.string().optional().transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().default("./data"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PLAYGROUND_PASSWORD: z.string().optional(),
  /**
   * Host names served besides the loopback ones (comma-separated, no port). Without a password
   * only loopback names and these are served (DNS rebinding); with one, when set, only these.
   */
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
  /** The address visitors use (`https://play.example.com`): absolute URLs (Open Graph), and trusted as an origin. */
  PUBLIC_URL: httpUrl("https://play.example.com", (u) => u.origin),
  /**
   * How many reverse proxies stand in front of the app: X-Forwarded-For/-Host/-Proto are read
   * only when this is above 0 ("true" = 1). Without a proxy a client could forge them.
   */
  TRUST_PROXY: z
    .string()
    .default("0")
    .transform((v, ctx) => {
      const t = v.trim().toLowerCase();
      if (t === "" || t === "false") return 0;
      if (t === "true") return 1;
      if (/^\d{1,2}$/.test(t)) return Number(t);
      ctx.addIssue({ code: "custom", message: 'use the number of proxies in front of the app (0, 1, 2 …) or "true"' });
      return z.NEVER;
    }),
  /** CSP frame-ancestors of shared galleries (`https://blog.example.com`); unset: no site may frame them. */
  SHARE_FRAME_ANCESTORS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const list = v.split(/[\s,]+/).filter(Boolean);
      for (const source of list) {
        if (!/^(https?:\/\/[a-z0-9.*-]+(:\d+)?|'self')$/i.test(source)) {
          ctx.addIssue({ code: "custom", message: `"${source}" is not an origin such as https://blog.example.com or 'self'` });
          return z.NEVER;
        }
      }
      return list;
    }),
  /**
   * The account's request budget: requests a minute to the gateway (submits, polls, sync calls,
   * catalog reads together), shared through the database by every instance (lib/budget).
   */
  UPSTREAM_RPM: z.coerce.number().int().min(1).max(100_000).default(50),
  /** Spending caps in USD; the Settings page may set lower ones, never higher. Unset: no ceiling. */
  SPEND_CAP_DAY_USD: usdCap,
  SPEND_CAP_MONTH_USD: usdCap,
  /**
   * The time zone whose calendar day and month the caps and the spend summary count in (an IANA
   * name such as "Europe/Berlin"). Unset: the machine's own zone.
   */
  TZ: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      // Node takes a leading ":" (POSIX form) as well.
      const zone = v.replace(/^:/, "");
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return zone;
      } catch {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a time zone name such as "UTC" or "Europe/Berlin"` });
        return z.NEVER;
      }
    }),
  /**
   * Object storage for image bytes (S3 or an S3-compatible server): with a bucket set, images live
   * there instead of $DATA_DIR/blobs (lib/storage). Credentials come from the AWS SDK's standard
   * chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance role …).
   */
  S3_BUCKET: z.string().optional().transform((v) => (v ? v : undefined)),
  /** An S3-compatible server's address (MinIO, R2, a test server); unset: AWS's own endpoint for S3_REGION. */
  S3_ENDPOINT: httpUrl("http://127.0.0.1:9000", (u) => u.toString().replace(/\/$/, "")),
  S3_REGION: z.string().default("us-east-1"),
  /** Address objects as <endpoint>/<bucket>/<key> (most S3-compatible servers want this). */
  S3_FORCE_PATH_STYLE: bool,
  /** Key prefix inside the bucket ("playground/"), so one bucket can hold several installs. */
  S3_PREFIX: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const segments = v.slice(0, -1).split("/");
      if (v === "" || (/^[a-z0-9._-]+(?:\/[a-z0-9._-]+)*\/$/.test(v) && segments.every((seg) => !seg.startsWith(".")))) return v;
      ctx.addIssue({ code: "custom", message: 'use lower-case letters, digits, "._-" and "/", ending in "/", no segment starting with ".", for example "playground/"' });
      return z.NEVER;
    }),
  /** Upstream calls: per-request timeout. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** A job still unfinished this long after submission fails with a clear error. */
  JOB_STUCK_AFTER_MS: z.coerce.number().int().positive().default(15 * 60_000),
  /** How long one tracker instance holds a job before another may take it over. */
  JOB_LEASE_MS: z.coerce.number().int().positive().default(10_000),
  /** Largest JSON body POST /api/jobs accepts (images travel inside it as base64). */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(40 * 1024 * 1024),
  // Offline engine
  ENGINE_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  ENGINE_API_KEY: z.string().optional().transform((v) => (v ? v : undefined)),
  /**
   * Standalone engine only: also fetch image URLs on loopback and private addresses (tests that
   * play the gateway on one machine). The engine inside the app never does.
   */
  ENGINE_ALLOW_PRIVATE_URLS: bool,
  /** Standalone engine: keep its jobs in this folder so a restart finds them (the in-app engine uses $DATA_DIR/engine). */
  ENGINE_DATA_DIR: z.string().optional().transform((v) => (v ? v : undefined)),
  /** Min and max simulated job duration for standard quality, ms ("2000-4000"). */
  ENGINE_LATENCY_MS: z
    .string()
    .default("2000-4000")
    .transform((v, ctx) => {
      const m = /^(\d+)(?:-(\d+))?$/.exec(v.trim());
      if (!m) {
        ctx.addIssue({ code: "custom", message: 'use "min-max" in ms, for example "2000-4000"' });
        return z.NEVER;
      }
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      return { min: Math.min(min, max), max: Math.max(min, max) };
    }),
  ENGINE_OUTPUT_TTL_S: z.coerce.number().int().positive().default(3600),
  ENGINE_RATE_LIMIT_PER_MIN: z.coerce.number().int().positive().default(50),
  /** Fault injection for every request, same syntax as the X-Engine-Faults header. */
  ENGINE_FAULTS: z.string().default(""),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  ENGINE_LOG: bool,
  /**
   * Set only by bench/submit-cpu.ts: turns on POST /api/bench/bare-submit, the reference a submit's
   * CPU is compared with (lib/jobs/bare-submit.ts). Off, that route answers 404.
   */
  BENCH_BARE_ROUTE: bool,
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** `next dev` (NODE_ENV is set by Next itself, not by the person running it). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

/** Tests change env between cases; this forgets the cached copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
