/** URLs and the gateway key shared with playwright.config.ts (one source of truth). */
export { E2E } from "../../playwright.config";

/** Generous waits for a 2-core machine: these bound polling, they are never asserted as timings. */
export const WAIT = {
  /** A job on the offline engine (1.5–2.5 s, ×2.25 for premium large) plus copy and polling. */
  job: 45_000,
  /** `scripts/serve.mjs` until /api/ready answers 200. */
  serverStart: 90_000,
} as const;
