import { AppError } from "@/lib/errors";
import { parseRetryAfter } from "./backoff";

/**
 * Turns the gateway's OpenAI-style error envelope into the app's typed error. The upstream's
 * message is kept for invalid requests (it names the parameter) and for failures a person can
 * act on; it is never echoed with headers or the key.
 */
export async function upstreamErrorFromResponse(res: Response, redact: (s: string) => string): Promise<AppError> {
  let message = "";
  let param: string | undefined;
  let code: unknown;
  try {
    const body = (await res.json()) as { error?: { message?: unknown; param?: unknown; code?: unknown } };
    if (typeof body?.error?.message === "string") message = redact(body.error.message).slice(0, 500);
    if (typeof body?.error?.param === "string") param = redact(body.error.param).slice(0, 100);
    code = body?.error?.code;
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone decides.
  }
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
  const retryAfterSeconds = retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(retryAfterMs / 1000));
  const suffix = message ? `: ${message}` : "";
  if (code === "model_not_found" || code === "model_unavailable") {
    // Whatever the status: the model is gone (contract §6), so no retry helps and the page must say so.
    const text = message || "The gateway no longer runs this model.";
    return new AppError("model_unavailable", text, { fields: [{ field: "model", message: text }] });
  }
  switch (res.status) {
    case 400:
    case 422:
      return new AppError("upstream_invalid", `The gateway rejected the request${suffix}`, {
        fields: param ? [{ field: param, message: message || `${param} was rejected` }] : [],
      });
    case 401:
    case 403:
      return new AppError("bad_api_key", "The gateway rejected the server's API key (check EMPIRIOLABS_API_KEY).");
    case 402:
      return new AppError("insufficient_credits", "The gateway account has no credits left.");
    case 404:
      return new AppError("not_found", `The gateway does not know this job${suffix}`);
    case 429:
      return new AppError(
        "rate_limited",
        `The gateway is rate limiting requests; retry in ${retryAfterSeconds ?? 1} s.`,
        { retryAfterSeconds: retryAfterSeconds ?? 1 },
      );
    default:
      return new AppError("upstream_unavailable", `The gateway is unavailable (HTTP ${res.status})${suffix}`);
  }
}

/** Errors worth retrying for an idempotent call (GET): rate limits and transient failures. */
export function isRetryable(e: unknown): boolean {
  return e instanceof AppError && (e.code === "rate_limited" || e.code === "upstream_unavailable");
}
