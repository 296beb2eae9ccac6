import { HOSTILE_IDEMPOTENCY_KEYS, type HostileHeader } from "./spend-inputs";

/**
 * X-Request-Id values the app must not take as a request's id (lib/http/request-id.ts: only a
 * token of 1 to 64 of [A-Za-z0-9._:-], and only behind a trusted proxy). It never refuses the
 * header: any of these gets an id of the app's own, on the answer and in the log. The fuzz run
 * sends them to the routes with no body (health, ready): the answer must still be a 2xx, never
 * a 5xx; lib/http/request-id.test.ts checks each is replaced even with TRUST_PROXY set.
 */
export const HOSTILE_REQUEST_IDS: readonly HostileHeader[] = [
  ...HOSTILE_IDEMPOTENCY_KEYS,
  ...[
    ["k".repeat(65), "65 characters"],
    ['x","level":"error","event":"forged', "JSON that would forge log fields"],
    ["../../etc/passwd", "a path"],
    ["id with spaces", "spaces"],
    ["a,b", "two ids (a repeated header)"],
    ["-leading-dash", "a leading dash"],
    ["%0d%0aforged", "percent-encoded CRLF"],
    ["<script>alert(1)</script>", "markup"],
  ].map(([value, what]) => ({ value, what, layer: "none" as const })),
];
