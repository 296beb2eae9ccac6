/**
 * The one typed error of the app. Every failure a person can act on becomes an AppError with
 * an HTTP status and a plain message; details for operators go to the log (redacted), never to
 * the response.
 */
export type ErrorCode =
  | "invalid_request" // 400: a request that cannot be read (not JSON, empty, bad encoding or length)
  | "unauthorized" // 401: PLAYGROUND_PASSWORD is set and the request has no valid session
  | "cross_site" // 403: a state-changing request that did not come from the app's own pages
  | "unsupported_media_type" // 415: a body in a content type the route does not take
  | "host_not_allowed" // 421: a Host header this server does not answer to (DNS rebinding)
  | "validation_failed" // 422: a field rule broken, in a body or a query; `fields` names each (lib/field-errors.ts)
  | "payload_too_large" // 413
  | "not_found" // 404
  | "bad_api_key" // upstream 401
  | "insufficient_credits" // upstream 402
  | "rate_limited" // 429 (retryAfterSeconds set)
  | "upstream_unavailable" // upstream 5xx, timeout, connection refused
  | "upstream_invalid" // upstream rejected the request (400/422)
  | "outcome_unknown" // a submit whose result we could not learn
  | "model_unavailable" // the gateway no longer runs the model (model_not_found / model_unavailable)
  | "spend_cap_reached" // 402: the run's maximum cost does not fit a spending cap (lib/spend)
  | "not_cancellable" // 409: the run has left the queue; the gateway has no cancel
  | "conflict" // 409: not now (a sweep cell whose run has not ended, or has none, cannot run again)
  | "internal" // 500
  | "shutting_down"; // 503: the server is stopping (scripts/serve.mjs answers requests that still arrive)

export interface FieldError {
  /** Field name as in the request (snake_case), "" for the whole request. */
  field: string;
  message: string;
}

const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  cross_site: 403,
  unsupported_media_type: 415,
  host_not_allowed: 421,
  validation_failed: 422,
  payload_too_large: 413,
  not_found: 404,
  bad_api_key: 502,
  insufficient_credits: 402,
  rate_limited: 429,
  upstream_unavailable: 503,
  upstream_invalid: 422,
  outcome_unknown: 502,
  model_unavailable: 422,
  spend_cap_reached: 402,
  not_cancellable: 409,
  conflict: 409,
  internal: 500,
  shutting_down: 503,
};

/**
 * Next.js bundles server code more than once (instrumentation, each route), so one error may be
 * created by one copy of this class and checked by another. A registry-wide symbol brand makes
 * `instanceof AppError` hold across copies.
 */
const BRAND = Symbol.for("nova-playground.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldError[]; retryAfterSeconds?: number; cause?: unknown; status?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = opts.status ?? STATUS[code];
    this.fields = opts.fields ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** The JSON a route returns: safe to show, no internals. */
  toJSON(): { error: { code: ErrorCode; message: string; fields: FieldError[]; retry_after?: number } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        fields: this.fields,
        ...(this.retryAfterSeconds !== undefined ? { retry_after: this.retryAfterSeconds } : {}),
      },
    };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
