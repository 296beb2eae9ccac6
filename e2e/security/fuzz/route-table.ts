/**
 * What the fuzz run knows about each route of the app: valid-looking path parameters, query
 * parameters and bodies, which the generator then breaks one way at a time. The routes
 * themselves are read from app/ (support/discover-routes.ts); the spec fails when a route has no entry
 * here or an entry names a route that is gone, so a new route cannot slip past the fuzz run.
 */
import { ABSURD_NUMBERS, NASTY_TEXT, ODD_TEXT, overlong, WRONG_TYPES } from "./hostile-values";
import { raw, withKey } from "./json-text";
import { prngUuid, type Prng } from "./prng";
import { HOSTILE_AXES, HOSTILE_DROPS, HOSTILE_POSITIONS, HOSTILE_SEEDS, HOSTILE_TITLES, UNRUNNABLE_SWEEP } from "./sweep-inputs";
import { CAP_UNKNOWN_KEYS, FUZZ_CAPS, HOSTILE_CANCEL_IDS, HOSTILE_IDEMPOTENCY_KEYS, HOSTILE_USD, type HostileHeader } from "./spend-inputs";
import { HOSTILE_REQUEST_IDS } from "./request-id-inputs";

/** Real ids on the server under test (made before the run), so requests reach past "not found". */
export interface Fixtures {
  imageId: string;
  jobId: string;
  shareId: string;
  shareToken: string;
}

/** "usd": a spending cap (null or 0 to 1,000,000), given only values it can never take. */
/** "prompts": the entries of a prompt history import (POST /api/prompts/import). */
type FieldKind = "text" | "bool" | "ids" | "enum" | "usd" | "axes" | "drop" | "seed" | "title" | "prompts";

export type BodySpec =
  /** POST /api/jobs: always broken (job-bodies.ts), so no job runs. */
  | { type: "job" }
  | {
      type: "json";
      valid: (f: Fixtures, rng: Prng) => Record<string, unknown>;
      fields: Record<string, FieldKind>;
      /** Keys the body does not take, tried besides PROTO_KEYS (a strict schema refuses each by name). */
      unknownKeys?: readonly string[];
    }
  | { type: "form"; valid: (rng: Prng) => Record<string, string>; fields: readonly string[] };

export interface RouteSpec {
  /** Valid-looking values of the dynamic segments. */
  params?: Record<string, (f: Fixtures, rng: Prng) => string>;
  /** Known query parameters and valid-looking values of each. */
  query?: Record<string, readonly string[]>;
  /** Hostile values of particular query parameters, as raw (already encoded) text. */
  hostileQuery?: Record<string, readonly string[]>;
  /** Hostile values of particular dynamic segments, as raw (already encoded) text. */
  hostileParams?: Record<string, readonly string[]>;
  /** Request headers the route reads, and values of each it must refuse (on its body methods). */
  hostileHeaders?: Record<string, readonly HostileHeader[]>;
  bodies?: Partial<Record<string, BodySpec>>;
  /** Methods that change or destroy what the path or body names: never given a fixture's id. */
  destructive?: readonly string[];
  /**
   * Methods no request of the run may succeed on (a 2xx fails it), and why: nothing the run sends
   * them is valid (POST /api/jobs/[id]/cancel: no run of the fuzz servers is waiting).
   */
  neverSucceeds?: Partial<Record<string, string>>;
  /** Why a body method must refuse every body the run broke (its fields get only invalid values). */
  brokenBodiesRefused?: string;
  /** Relative share of the requests (default 1). */
  weight?: number;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const SOME_ID = "6f9619ff-8b86-4d11-b42d-00c04fc964ff";

/** Cursors that decode to JSON, each wrong in one way. */
const FORGED_CURSORS = [
  b64url({ t: "2024-02-30T00:00:00.000000Z", id: SOME_ID }),
  b64url({ t: "2026-01-01T24:00:00.000000Z", id: SOME_ID }),
  b64url({ t: "0000-01-01T00:00:00.000000Z", id: SOME_ID }),
  b64url({ t: "2026-01-01T00:00:00.000000Z", id: `${SOME_ID}\u0000` }),
  b64url({ t: "2026-01-01T00:00:00.000000Z", id: SOME_ID, s: "cost", c: 1e300 }),
  b64url({ t: "2026-01-01T00:00:00.000000Z", id: SOME_ID, s: "oldest" }),
  b64url({ t: { $gt: "" }, id: SOME_ID }),
  b64url(["2026-01-01T00:00:00.000000Z", SOME_ID]),
  b64url(null),
  Buffer.from([0xff, 0xfe, 0x00, 0x7b]).toString("base64url"),
];
/**
 * Last-Event-ID values for GET /api/events: the header hostilities of Idempotency-Key, and ids of
 * the bus's own shape (lib/events/event-id.ts) that it never gave (another lifetime, the future,
 * past a safe integer, negative, padded). Every one gets a `reset` event, never an error.
 */
const HOSTILE_LAST_EVENT_IDS: readonly HostileHeader[] = [
  ...HOSTILE_IDEMPOTENCY_KEYS,
  ...["zzzzzzzz-1", "00000000-0", "abc-99999999999999", "abc-9007199254740993", "abc--1", "abc-1e9", "abc-0x10", "-", "a-b-c", `${"a".repeat(16)}-1`, `${"a".repeat(17)}-1`].map(
    (value) => ({ value, what: `an id never given (${value})`, layer: "none" as const }),
  ),
];
const DATES = ["2024-02-30", "9999-12-31", "0000-01-01", "+275760-09-13", "2026-1-1", "99999-01-01", "2026-12-32", "1969-12-31T23:59:59Z"];
const LIMITS = ["0", "-1", "1e309", "NaN", "9007199254740993", "1.5", "0x10", "201", "%00", "1%00"];

const GALLERY_QUERY = {
  task: ["TEXT_IMAGE", "INPAINTING"],
  model: ["flux-2-klein-4b", "seedream-5-0-lite", "retired.model_v0:9"],
  favorites: ["1"],
  quality: ["premium"],
  from: ["2026-01-01"],
  to: ["2026-12-31"],
  q: ["fox"],
  sort: ["newest", "oldest", "cost"],
};
/** Model ids each wrong one way: too long, outside [A-Za-z0-9._:-], or SQL / LIKE / path text. */
const MODEL_IDS = [
  "m".repeat(101),
  "m".repeat(5_000),
  "%00",
  "flux%00",
  "%ED%A0%80",
  "flux%202",
  "flux%25",
  "%25%5F%5C",
  "..%2F..%2Fetc%2Fpasswd",
  "%27%20or%20%271%27%3D%271",
  "flux-2-klein-4b%0A",
  "fl%C3%BCx",
  "%E2%80%AEflux",
  "%3Cscript%3E",
];
const GALLERY_HOSTILE = { from: DATES, to: DATES, q: ["%00", "%ED%A0%80", "%25%5F%5C", "a".repeat(201)], model: MODEL_IDS };

const n1 = () => "1";
const fixtureImage = (f: Fixtures) => f.imageId;

/** Bodies of the bulk image actions; ids are the fixture's unless the route destroys them. */
const idsBody = (own: boolean, extra: Record<string, unknown>) => (f: Fixtures, rng: Prng) => ({
  imageIds: own ? [f.imageId] : [prngUuid(rng)],
  ...extra,
});

const SHARE_FIELDS: Record<string, FieldKind> = { title: "text", description: "text", showPrompts: "bool", showParams: "bool", allowIndexing: "bool" };

export const ROUTES: Record<string, RouteSpec> = {
  "/api/gallery": { query: { ...GALLERY_QUERY, limit: ["5"], cursor: [b64url({ t: "2026-01-01T00:00:00.000000Z", id: SOME_ID })] }, hostileQuery: { ...GALLERY_HOSTILE, limit: LIMITS, cursor: FORGED_CURSORS }, weight: 3 },
  "/api/gallery/ids": { query: GALLERY_QUERY, hostileQuery: GALLERY_HOSTILE, weight: 2 },
  // Liveness and readiness probes: no parameters; every API route reads X-Request-Id, tried here.
  "/api/health": { hostileHeaders: { "x-request-id": HOSTILE_REQUEST_IDS } },
  "/api/ready": { hostileHeaders: { "x-request-id": HOSTILE_REQUEST_IDS } },
  // The models on offer: no parameters, so only the guard and hostile query strings reach it.
  "/api/models": {},
  "/api/images/[id]": {
    params: { id: fixtureImage },
    bodies: { PATCH: { type: "json", valid: () => ({ favorite: true }), fields: { favorite: "bool" } } },
    weight: 2,
  },
  "/api/images/[id]/file": { params: { id: fixtureImage }, query: { download: ["", "1"] } },
  "/api/images/[id]/thumb": { params: { id: fixtureImage } },
  "/api/images/[id]/lineage": { params: { id: fixtureImage } },
  "/api/images/delete": {
    bodies: { POST: { type: "json", valid: idsBody(false, { dryRun: true }), fields: { imageIds: "ids", dryRun: "bool" } } },
    destructive: ["POST"],
    weight: 2,
  },
  "/api/images/favorite": { bodies: { POST: { type: "json", valid: idsBody(true, { favorite: true }), fields: { imageIds: "ids", favorite: "bool" } } }, weight: 2 },
  "/api/images/zip": { bodies: { POST: { type: "json", valid: idsBody(true, {}), fields: { imageIds: "ids" } } }, weight: 2 },
  "/api/inputs/[sha]": { params: { sha: (_f, rng) => Array.from({ length: 64 }, () => rng.int(16).toString(16)).join("") } },
  "/api/jobs": {
    bodies: { POST: { type: "job" } },
    query: { limit: ["5"] },
    hostileQuery: { limit: LIMITS },
    hostileHeaders: { "idempotency-key": HOSTILE_IDEMPOTENCY_KEYS },
    weight: 14,
  },
  "/api/jobs/[id]": { params: { id: (f) => f.jobId } },
  // A live stream: the sender keeps its first chunk (retry hint, then a reset or the current id).
  // Weight 5: about 20 hostile Last-Event-IDs in a run of 2,000 (and, at the default seed, the
  // run still reaches the caps 20 times: that count moves with every route added).
  "/api/events": {
    query: { lastEventId: ["abcd1234-1"] },
    hostileQuery: { lastEventId: ["", "%00", "%ff%fe", "abc-1e9", "zzzzzzzz-99999999999999999999", "a".repeat(5000), "-1", "abc-1&lastEventId=abc-2"] },
    hostileHeaders: { "last-event-id": HOSTILE_LAST_EVENT_IDS },
    weight: 5,
  },
  // The fixture's run has completed (409 not_cancellable), the others are uuids of no run (404).
  "/api/jobs/[id]/cancel": {
    params: { id: (f, rng) => rng.pick([f.jobId, f.jobId.toUpperCase(), prngUuid(rng)]) },
    hostileParams: { id: HOSTILE_CANCEL_IDS },
    neverSucceeds: { POST: "cancelled a run, but no run of the fuzz servers is waiting" },
    weight: 3,
  },
  // No run is waiting during the run: a valid-looking request cancels nothing ({ cancelled: 0 }).
  "/api/jobs/cancel-waiting": {},
  "/api/budget": {},
  // The benchmarks' reference (lib/jobs/bare-submit.ts): BENCH_BARE_ROUTE is off on the fuzz servers, so past the guard every request is a 404.
  "/api/bench/bare-submit": {
    bodies: { POST: { type: "json", valid: () => ({ model: "fuzz-model", task_type: "TEXT_IMAGE", prompt: "fuzz" }), fields: { model: "text", task_type: "text", prompt: "text" } } },
    neverSucceeds: { POST: "the benchmarks' reference route answered, but it is off on the fuzz servers" },
    // Weight 3 keeps the default seed's run at 21 broken caps bodies (the test wants 20; weights 1 and 2 gave 15 and 16).
    weight: 3,
  },
  "/api/settings/caps": {
    bodies: { PUT: { type: "json", valid: () => ({ ...FUZZ_CAPS }), fields: { dayUsd: "usd", monthUsd: "usd" }, unknownKeys: CAP_UNKNOWN_KEYS } },
    brokenBodiesRefused: "accepted an invalid caps body: the stored caps would change",
    weight: 4,
  },
  "/api/spend/ledger": {},
  // Sweeps: the only body sent can never run (sweep-inputs.ts), and no sweep exists on the fuzz servers.
  "/api/sweeps": {
    bodies: { POST: { type: "json", valid: () => structuredClone(UNRUNNABLE_SWEEP), fields: { base: "text", axes: "axes", drop: "drop", title: "title" } } },
    query: { limit: ["5"] },
    hostileQuery: { limit: LIMITS },
    hostileHeaders: { "idempotency-key": HOSTILE_IDEMPOTENCY_KEYS },
    neverSucceeds: { POST: "made a sweep, but every sweep body of the run is refused" },
    weight: 4,
  },
  "/api/sweeps/[id]": { params: { id: (_f, rng) => prngUuid(rng) }, hostileParams: { id: HOSTILE_CANCEL_IDS } },
  "/api/sweeps/[id]/sheet.png": { params: { id: (_f, rng) => prngUuid(rng) }, hostileParams: { id: HOSTILE_CANCEL_IDS }, query: { download: [""] } },
  "/api/sweeps/[id]/cancel": {
    params: { id: (_f, rng) => prngUuid(rng) },
    hostileParams: { id: HOSTILE_CANCEL_IDS },
    neverSucceeds: { POST: "cancelled a sweep, but the fuzz servers have none" },
  },
  "/api/sweeps/[id]/rerun": {
    params: { id: (f, rng) => rng.pick([f.jobId, prngUuid(rng)]) },
    hostileParams: { id: HOSTILE_CANCEL_IDS },
    bodies: { POST: { type: "json", valid: (_f, rng) => ({ seed: rng.int(1000) }), fields: { seed: "seed" } } },
    neverSucceeds: { POST: "re-ran a sweep, but the fuzz servers have none" },
    weight: 2,
  },
  "/api/sweeps/[id]/cells/[position]/rerun": {
    params: { id: (_f, rng) => prngUuid(rng), position: (_f, rng) => String(rng.int(100)) },
    hostileParams: { id: HOSTILE_CANCEL_IDS, position: HOSTILE_POSITIONS },
    bodies: { POST: { type: "json", valid: () => ({ newSeed: true }), fields: { newSeed: "bool" } } },
    neverSucceeds: { POST: "re-ran a cell, but the fuzz servers have no sweep" },
    weight: 2,
  },
  "/api/session": {
    bodies: {
      POST: {
        type: "form",
        valid: (rng) => ({ password: `not the password ${rng.int(1000)}`, next: rng.pick(["/", "/gallery", "/shares?x=1"]) }),
        fields: ["password", "next", "action"],
      },
    },
    weight: 3,
  },
  "/api/shares": {
    bodies: {
      POST: {
        type: "json",
        valid: (f) => ({ imageIds: [f.imageId], title: "fuzz", description: "", showPrompts: false, showParams: false, allowIndexing: false, expiry: "1d" }),
        fields: { imageIds: "ids", sweepId: "text", expiry: "enum", ...SHARE_FIELDS },
      },
    },
    weight: 3,
  },
  "/api/shares/[id]": {
    params: { id: (f) => f.shareId },
    bodies: { PATCH: { type: "json", valid: () => ({ title: "fuzz", showPrompts: true }), fields: SHARE_FIELDS } },
    destructive: ["DELETE"],
    weight: 2,
  },
  "/api/shares/[id]/revoke": { params: { id: (f) => f.shareId }, destructive: ["POST"] },
  "/api/spend": {},
  // Prompt history (lib/prompts): the run knows no entry's id, so pin and delete meet 404s past validation.
  "/api/prompts": {
    query: { q: ["fox", "fox snow dusk"], kind: ["prompt", "negative"], limit: ["5"] },
    hostileQuery: { q: ["%00", "%ED%A0%80", "%25%5F%5C", "a".repeat(201), "a%20b%20c%20d%20e%20f%20g%20h%20i"], kind: ["all", "PROMPT", "%00", "prompt%00"], limit: LIMITS },
    weight: 1,
  },
  "/api/prompts/[id]": { params: { id: (_f, rng) => prngUuid(rng) }, destructive: ["DELETE"] },
  "/api/prompts/[id]/pin": {
    params: { id: (_f, rng) => prngUuid(rng) },
    bodies: { PUT: { type: "json", valid: () => ({ pinned: true }), fields: { pinned: "bool" } } },
    neverSucceeds: { PUT: "pinned an entry, but the run knows no entry's id" },
    weight: 1,
  },
  "/api/prompts/export": {},
  "/api/prompts/import": {
    bodies: {
      POST: {
        type: "json",
        valid: (_f, rng) => ({ version: 1, entries: [{ kind: rng.pick(["prompt", "negative"]), text: `fuzz import ${rng.int(1000)}`, useCount: 1 }] }),
        fields: { entries: "prompts", version: "enum" },
      },
    },
    weight: 3,
  },
  "/": {},
  "/gallery": { query: GALLERY_QUERY, hostileQuery: GALLERY_HOSTILE },
  "/shares": {},
  "/settings": {},
  "/prompts": {},
  // The sweeps pages (main added them without entries; the lead may have these already).
  "/sweeps": {},
  "/sweeps/[id]": { params: { id: (_f, rng) => prngUuid(rng) } },
  "/sign-in": {
    query: { next: ["/gallery"], error: ["password", "rate"], retry: ["60"], "signed-out": ["1"] },
    hostileQuery: { next: ["%2F%0A%2Fx", "%2F%09%2Fevil.example", "%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example", "%2F%00", "javascript%3Aalert(1)", "%2F%ED%A0%80"], retry: ["1e309", "-1", "NaN", "9".repeat(400)] },
  },
  "/icon.svg": {},
  "/s/[token]": { params: { token: (f) => f.shareToken }, weight: 2 },
  "/s/[token]/[n]": { params: { token: (f) => f.shareToken, n: n1 }, weight: 2 },
  "/s/[token]/i/[n]": { params: { token: (f) => f.shareToken, n: n1 }, query: { download: [""] } },
  "/s/[token]/t/[n]": { params: { token: (f) => f.shareToken, n: n1 } },
  "/s/[token]/preview.png": { params: { token: (f) => f.shareToken } },
};

const IDS_GARBAGE: readonly unknown[] = [
  [{ toString: 1 }],
  [{ toString: "x" }],
  [`${SOME_ID}\u0000`],
  [SOME_ID.toUpperCase(), "%ff%fe"],
  [[SOME_ID]],
  Array.from({ length: 501 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`),
  `${SOME_ID},${SOME_ID},,`,
  "\ud800",
  [],
];

const PROMPT_ENTRY = { kind: "prompt", text: "a fox" };
/** Import entries each broken one way: the import must refuse them (422 naming "entries"). */
const PROMPT_ENTRIES_GARBAGE: readonly unknown[] = [
  [{ ...PROMPT_ENTRY, text: "a fox\u0000" }],
  [{ ...PROMPT_ENTRY, text: "\ud800" }],
  [{ ...PROMPT_ENTRY, text: "   " }],
  [{ ...PROMPT_ENTRY, text: overlong(10_001) }],
  [{ ...PROMPT_ENTRY, kind: "positive" }],
  [{ ...PROMPT_ENTRY, kind: null }],
  [{ text: "no kind" }],
  [{ ...PROMPT_ENTRY, useCount: raw("1e309") }],
  [{ ...PROMPT_ENTRY, useCount: -1 }],
  [{ ...PROMPT_ENTRY, useCount: 2 ** 31 }],
  [{ ...PROMPT_ENTRY, useCount: 1.5 }],
  [{ ...PROMPT_ENTRY, firstUsedAt: "2024-02-30T00:00:00Z" }],
  [{ ...PROMPT_ENTRY, lastUsedAt: "+275760-09-13T00:00:00Z" }],
  [{ ...PROMPT_ENTRY, lastUsedAt: "9999-12-31T23:59:59Z" }],
  [{ ...PROMPT_ENTRY, firstUsedAt: "2026-05-02T00:00:00Z", lastUsedAt: "2026-05-01T00:00:00Z" }],
  [{ ...PROMPT_ENTRY, pinned: "yes" }],
  [{ ...PROMPT_ENTRY, extra: 1 }],
  [withKey(PROMPT_ENTRY, "__proto__", { pinned: true })],
  [PROMPT_ENTRY, null],
  [PROMPT_ENTRY, "a fox"],
  Array.from({ length: 10_001 }, (_, i) => ({ kind: "prompt", text: `p${i}` })),
  "a fox",
];

/** A hostile value for a field of a JSON body (not the job body: anything goes here). */
export function hostileFieldValue(kind: FieldKind | "any", rng: Prng): unknown {
  // A cap takes null and small numbers, which the general pools hold: only its own list is sure to be refused.
  if (kind === "usd") return rng.pick(HOSTILE_USD);
  // Sweep fields take values the general pools may hold ([], small numbers): only their own lists are sure to be refused.
  if (kind === "axes") return rng.pick(HOSTILE_AXES);
  if (kind === "drop") return rng.pick(HOSTILE_DROPS);
  if (kind === "seed") return rng.pick(HOSTILE_SEEDS);
  if (kind === "title") return rng.pick(HOSTILE_TITLES);
  const pools: unknown[][] = [[...NASTY_TEXT], [...ODD_TEXT], [...WRONG_TYPES], [...ABSURD_NUMBERS], [overlong(100 + rng.int(70_000))]];
  if (kind === "ids") pools.push([...IDS_GARBAGE], [...IDS_GARBAGE]);
  if (kind === "prompts") pools.push([...PROMPT_ENTRIES_GARBAGE], [...PROMPT_ENTRIES_GARBAGE]);
  return rng.pick(rng.pick(pools));
}
