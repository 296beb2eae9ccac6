import type { Retirement } from "@/lib/emulator/catalog/catalog-json";

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
  /**
   * `retire=<model id>[@YYYY-MM-DD][,…]`: the model is retired from that date (default: the day
   * the spec is read). Its submits answer 410 model_unavailable and the catalog lists it as
   * retired. Engine state, not a job's: jobs never carry it (fault-state.ts).
   */
  retire?: Retirement[];
}

export type SubmitStatus = 402 | 429 | 500;
export const SUBMIT_COUNTERS = [
  ["submit402", 402],
  ["submit429", 429],
  ["submit500", 500],
] as const;

const COUNT_KEYS = ["latency", "block", "submit402", "submit429", "submit500", "poll429", "poll500", "retry_after"] as const;
const KNOWN = [...COUNT_KEYS, "fail", "expire", "tag", "retire"];

export const DEFAULT_FAIL_MESSAGE = "Image generation failed (injected fault)";

export class FaultSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaultSyntaxError";
  }
}

export function parseFaults(spec: string | undefined, now = new Date()): FaultSpec {
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
    else if (key === "retire") out.retire = [...(out.retire ?? []), ...parseRetirements(value, now)];
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

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

function parseRetirements(value: string | undefined, now: Date): Retirement[] {
  const example = 'as in retire=some-model@2026-09-30 (the date is optional; several: "a,b@2026-10-01")';
  if (!value) throw new FaultSyntaxError(`fault "retire" needs a model id, ${example}`);
  return value.split(",").map((item) => {
    const [model, on, extra] = item.trim().split("@");
    if (extra !== undefined || !MODEL_ID.test(model)) throw new FaultSyntaxError(`fault "retire": ${JSON.stringify(item.trim())} is not a model id, ${example}`);
    if (on === undefined) return { model, on: now.toISOString().slice(0, 10) };
    if (!isCalendarDay(on)) throw new FaultSyntaxError(`fault "retire": ${JSON.stringify(on)} is not a date (YYYY-MM-DD), ${example}`);
    return { model, on };
  });
}

function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  // Date.UTC rolls 2026-02-30 over into March, so a day that does not exist comes back different.
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === s;
}

/** Later specs win key by key: the engine-wide spec, then a request's header. */
export function mergeFaults(...specs: FaultSpec[]): FaultSpec {
  return Object.assign({}, ...specs);
}

export function formatFaults(spec: FaultSpec): string {
  return Object.entries(spec)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? k : k === "retire" ? `retire=${(v as Retirement[]).map((r) => `${r.model}@${r.on}`).join(",")}` : `${k}=${v}`))
    .join(";");
}
