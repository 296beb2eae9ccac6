/**
 * Hostile inputs of issue 11's routes: the spending caps body (PUT /api/settings/caps), the
 * Idempotency-Key header of POST /api/jobs, and the run id of POST /api/jobs/[id]/cancel. Each
 * list holds only values the route must refuse; the fuzz spec checks the caps list against the
 * rule it mirrors (lib/spend/spending-caps.ts, which the test runner cannot import: server-only).
 */
import { NASTY_TEXT, ODD_TEXT, PROTO_KEYS } from "./hostile-values";
import { jsonText, raw, withKey } from "./json-text";

/**
 * The caps the fuzz servers hold during a run, and the only valid caps body the run sends: an
 * accepted PUT sets what is already there, so after the run the caps must still be exactly these.
 * Below the month ceiling the signed-in fuzz server is given (SPEND_CAP_MONTH_USD=5000).
 */
export const FUZZ_CAPS = { dayUsd: 250, monthUsd: 4000 } as const;
export const FUZZ_MONTH_CEILING_USD = 5000;
/** The highest cap the schema takes (MAX_CAP_USD in lib/spend/spending-caps.ts). */
export const MAX_CAP_USD = 1_000_000;

/** Whether a cap field takes this value as the server's JSON.parse made it: null, or a finite number in [0, MAX_CAP_USD]. */
export function capValueAccepted(parsed: unknown): boolean {
  return parsed === null || (typeof parsed === "number" && Number.isFinite(parsed) && parsed >= 0 && parsed <= MAX_CAP_USD);
}

/** The same for a value as the fuzz writes it (raw number literals such as 1e309 included). */
export function capFieldAccepts(value: unknown): boolean {
  try {
    return capValueAccepted(JSON.parse(jsonText(value)));
  } catch {
    return false;
  }
}

/**
 * Values a cap field (dayUsd, monthUsd) can never take: NaN-like and numeric strings, numbers out
 * of range or that JSON.parse turns into Infinity, wrong types, nesting (deep, yet inside the
 * route's 4 KB limit, so the 422 must name the field), and text no field can store.
 */
export const HOSTILE_USD: readonly unknown[] = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "5",
  "0",
  "0.5",
  "",
  " ",
  "$5",
  "5 USD",
  "0x10",
  "1_000",
  raw("1e309"),
  raw("-1e309"),
  raw("-1"),
  raw("-5e-324"),
  -0.01,
  -1_000_000,
  MAX_CAP_USD + 0.01,
  raw("1e21"),
  raw("9007199254740993"),
  raw("123456789012345678901234567890"),
  raw("1.7976931348623157e308"),
  4294967296,
  true,
  false,
  [],
  [5],
  [null],
  {},
  { usd: 5 },
  { valueOf: 5 },
  { toString: 1 },
  withKey({}, "__proto__", { dayUsd: 1 }),
  raw(`${"[".repeat(1_000)}${"]".repeat(1_000)}`),
  raw(`${'{"a":'.repeat(300)}1${"}".repeat(300)}`),
  ...NASTY_TEXT,
  ...ODD_TEXT,
].filter((v) => !capFieldAccepts(v));

/** Keys the caps body must refuse by name (it is strict): prototype plumbing and near-misses. */
export const CAP_UNKNOWN_KEYS: readonly string[] = [...PROTO_KEYS, "dayUSD", "day_usd", "DayUsd", " dayUsd", "dayUsd\u0000", "ceilingUsd", "$set", ""];

export interface HostileHeader {
  /** As node:http would put it on the wire: one character per byte (UTF-8 text as its bytes). */
  value: string;
  what: string;
  /**
   * What the HTTP layer does with it before the app sees it:
   * - "none": delivered as sent, so the app must refuse it by name (422 naming the header);
   * - "refuse": control characters or a header block over Node's 16 KB: Node's parser may answer
   *   400 or 431 itself (no app body), or deliver it and the app refuses it by name;
   * - "split": CR/LF: the bytes after them are another header line (or the body), so the app may
   *   see an empty, shortened or valid key; only "no 5xx, an answer" can be asked.
   */
  layer: "none" | "refuse" | "split";
}

/** UTF-8 text as the latin1 string node:http writes byte for byte. */
const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");

/**
 * Idempotency-Key values POST /api/jobs must refuse (1 to 255 printable ASCII, no spaces: lib/jobs/
 * idempotency-key.ts). Leading and trailing blanks are left out: the HTTP layer trims them, and
 * what is left is a valid key.
 */
export const HOSTILE_IDEMPOTENCY_KEYS: readonly HostileHeader[] = [
  { value: "", what: "empty", layer: "none" },
  { value: "a b", what: "a space inside", layer: "none" },
  { value: "run 2026 01 01", what: "spaces inside", layer: "none" },
  { value: "a\tb", what: "a tab inside", layer: "none" },
  { value: "k".repeat(256), what: "256 characters", layer: "none" },
  { value: "k".repeat(4_000), what: "4,000 characters", layer: "none" },
  { value: utf8Bytes("ключ"), what: "Cyrillic as UTF-8", layer: "none" },
  { value: utf8Bytes("🦊-key"), what: "an emoji as UTF-8", layer: "none" },
  { value: utf8Bytes("e\u0301"), what: "a combining accent as UTF-8", layer: "none" },
  { value: utf8Bytes("a\u00a0b"), what: "a no-break space as UTF-8", layer: "none" },
  { value: "\u00ff\u00fe", what: "bytes FF FE", layer: "none" },
  { value: utf8Bytes("\u202ekey"), what: "a right-to-left override", layer: "none" },
  { value: "a\u0001b", what: "a control character", layer: "refuse" },
  { value: "a\u0000b", what: "NUL", layer: "refuse" },
  { value: "\u001b[31mred", what: "an escape sequence", layer: "refuse" },
  { value: "\u007f", what: "DEL", layer: "refuse" },
  { value: "k".repeat(20_000), what: "20,000 characters (over Node's header limit)", layer: "refuse" },
  { value: "a\rb", what: "a bare CR", layer: "split" },
  { value: "a\nb", what: "a bare LF", layer: "split" },
  { value: "a\r\nx-injected: 1", what: "CRLF and another header", layer: "split" },
  { value: "a\r\n\r\nGET /api/health HTTP/1.1\r\nx: y", what: "CRLF CRLF and a second request", layer: "split" },
];

/**
 * Raw (already encoded) path segments for POST /api/jobs/[id]/cancel: not uuids, uuids of no run,
 * the forms PostgreSQL would read as a uuid but the route must not (no dashes, braces, urn:),
 * and dot segments that try to reach another route.
 */
export const HOSTILE_CANCEL_IDS: readonly string[] = [
  "not-a-uuid",
  "0",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "6f9619ff-8b86-4d11-b42d-00c04fc964ff",
  "6f9619ff8b864d11b42d00c04fc964ff",
  "%7B6f9619ff-8b86-4d11-b42d-00c04fc964ff%7D",
  "urn:uuid:6f9619ff-8b86-4d11-b42d-00c04fc964ff",
  "6f9619ff-8b86-4d11-b42d-00c04fc964ff%00",
  "6f9619ff-8b86-4d11-b42d-00c04fc964ff%0A",
  "6f9619ff-8b86-4d11-b42d-00c04fc964ffX",
  "%27%20or%20%271%27%3D%271",
  "cancel-waiting",
  "..",
  "%2e%2e",
  "..%2F..%2Fcancel-waiting",
  "%2e%2e%2fcancel-waiting",
  "%2E%2E%2F%2E%2E%2Fsettings%2Fcaps",
  "..%5C..%5Csettings%5Ccaps",
  "%ff%fe",
  "a".repeat(3_000),
];
