/**
 * Fault specs: `;`-separated `key=value` pairs, e.g. `latency=500;poll429=2;retry_after=3`.
 * The same syntax serves ENGINE_FAULTS, the X-Engine-Faults header, setFaults() and
 * PUT /_engine/faults, so a scenario is one string wherever it is set.
 */
export interface FaultSpec {
  /** Extra job duration, ms. */
  latency?: number;
  /** The job fails with {code: "generation_failed", message}. */
  fail?: string;
  /** This many of the requested images are blocked by the content filter. */
  block?: number;
  /** The next N submits answer 402 / 429 / 500 (engine-wide counters). */
  submit402?: number;
  submit429?: number;
  submit500?: number;
  /** The first N GETs of the job answer 429 / 500. */
  poll429?: number;
  poll500?: number;
  /** Retry-After seconds on injected 429s. */
  retry_after?: number;
  /** Output URLs are born expired. */
  expire?: boolean;
  /** No effect: makes a header distinct so its submit counters arm again (README). */
  tag?: string;
}

export type SubmitStatus = 402 | 429 | 500;
export const SUBMIT_COUNTERS = [
  ["submit402", 402],
  ["submit429", 429],
  ["submit500", 500],
] as const;

const COUNT_KEYS = ["latency", "block", "submit402", "submit429", "submit500", "poll429", "poll500", "retry_after"] as const;
const KNOWN = [...COUNT_KEYS, "fail", "expire", "tag"];

export const DEFAULT_FAIL_MESSAGE = "Image generation failed (injected fault)";

export class FaultSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultSyntaxError";
  }
}

export function parseFaults(spec: string | undefined): FaultSpec {
  const out: FaultSpec = {};
  for (const part of (spec ?? "").split(";")) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf("=");
    const key = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : item.slice(eq + 1).trim();
    if (!KNOWN.includes(key)) throw new FaultSyntaxError(`unknown fault "${key}"; known: ${KNOWN.join(", ")}`);
    if (key === "fail") out.fail = value || DEFAULT_FAIL_MESSAGE;
    else if (key === "tag") out.tag = value ?? "";
    else if (key === "expire") out.expire = parseFlag(value);
    else out[key as (typeof COUNT_KEYS)[number]] = parseCount(key, value);
  }
  return out;
}

function parseCount(key: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new FaultSyntaxError(`fault "${key}" needs a whole number, as in ${key}=2 (got ${value ?? "nothing"})`);
  }
  return Number(value);
}

function parseFlag(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw new FaultSyntaxError(`fault "expire" takes no value, or 1/0 (got ${value})`);
}

/** Later specs win key by key: the engine-wide spec, then a request's header. */
export function mergeFaults(...specs: FaultSpec[]): FaultSpec {
  return Object.assign({}, ...specs);
}

export function formatFaults(spec: FaultSpec): string {
  return Object.entries(spec)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? k : `${k}=${v}`))
    .join(";");
}
