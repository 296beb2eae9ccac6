import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { isRetryable, upstreamErrorFromResponse } from "./upstream-error";

const identity = (s: string) => s;

function envelope(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

describe("upstreamErrorFromResponse", () => {
  it("maps model_not_found and model_unavailable to model_unavailable on the model field, whatever the status", async () => {
    for (const [status, code] of [[404, "model_not_found"], [410, "model_unavailable"], [400, "model_unavailable"]] as const) {
      const message = `The model x was retired on 2026-09-30 (${code})`;
      const e = await upstreamErrorFromResponse(envelope(status, { message, type: "invalid_request_error", code, param: "model" }), identity);
      expect(e.code).toBe("model_unavailable");
      expect(e.status).toBe(422);
      expect(e.message).toBe(message);
      expect(e.fields).toEqual([{ field: "model", message }]);
    }
  });

  it("keeps a job's 404 a not_found", async () => {
    const e = await upstreamErrorFromResponse(envelope(404, { message: "no such job", code: "job_not_found" }), identity);
    expect(e.code).toBe("not_found");
  });

  it("maps 400 to upstream_invalid and names the param as a field", async () => {
    const e = await upstreamErrorFromResponse(
      envelope(400, { message: "cfg_scale must be between 1.1 and 10", type: "invalid_request_error", code: "invalid_value", param: "cfg_scale" }),
      identity,
    );
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("upstream_invalid");
    expect(e.status).toBe(422);
    expect(e.message).toBe("The gateway rejected the request: cfg_scale must be between 1.1 and 10");
    expect(e.fields).toEqual([{ field: "cfg_scale", message: "cfg_scale must be between 1.1 and 10" }]);
  });

  it("maps 422 to upstream_invalid", async () => {
    const e = await upstreamErrorFromResponse(envelope(422, { message: "seed is too large", param: "seed" }), identity);
    expect(e.code).toBe("upstream_invalid");
    expect(e.fields).toEqual([{ field: "seed", message: "seed is too large" }]);
  });

  it("names the param even when the gateway sends no message", async () => {
    const e = await upstreamErrorFromResponse(envelope(400, { param: "mask_image" }), identity);
    expect(e.message).toBe("The gateway rejected the request");
    expect(e.fields).toEqual([{ field: "mask_image", message: "mask_image was rejected" }]);
  });

  it("reports no fields when there is no param", async () => {
    const e = await upstreamErrorFromResponse(envelope(400, { message: "Bad request" }), identity);
    expect(e.code).toBe("upstream_invalid");
    expect(e.fields).toEqual([]);
  });

  it("maps 401 to bad_api_key without echoing the key or the upstream message", async () => {
    const key = "sk-empiriolabs-abcdef0123456789";
    const e = await upstreamErrorFromResponse(
      envelope(401, { message: `Incorrect API key provided: ${key}`, type: "invalid_request_error", code: "invalid_api_key" }),
      identity,
    );
    expect(e.code).toBe("bad_api_key");
    expect(e.status).toBe(502);
    expect(e.message).toBe("The gateway rejected the server's API key (check EMPIRIOLABS_API_KEY).");
    expect(e.message).not.toContain(key);
    expect(JSON.stringify(e.toJSON())).not.toContain(key);
    expect(JSON.stringify(e.toJSON())).not.toContain("sk-");
  });

  it("maps 403 to bad_api_key", async () => {
    const e = await upstreamErrorFromResponse(envelope(403, { message: "Forbidden" }), identity);
    expect(e.code).toBe("bad_api_key");
  });

  it("maps 402 to insufficient_credits", async () => {
    const e = await upstreamErrorFromResponse(envelope(402, { message: "Insufficient credits" }), identity);
    expect(e.code).toBe("insufficient_credits");
    expect(e.status).toBe(402);
    expect(e.message).toBe("The gateway account has no credits left.");
  });

  it("maps 404 to not_found", async () => {
    const e = await upstreamErrorFromResponse(envelope(404, { message: "Job not found" }), identity);
    expect(e.code).toBe("not_found");
    expect(e.status).toBe(404);
    expect(e.message).toBe("The gateway does not know this job: Job not found");
  });

  it("maps 429 with Retry-After: 7 to rate_limited, retryAfterSeconds 7", async () => {
    const e = await upstreamErrorFromResponse(envelope(429, { message: "Rate limit exceeded" }, { "retry-after": "7" }), identity);
    expect(e.code).toBe("rate_limited");
    expect(e.status).toBe(429);
    expect(e.retryAfterSeconds).toBe(7);
    expect(e.message).toBe("The gateway is rate limiting requests; retry in 7 s.");
    expect(e.toJSON().error.retry_after).toBe(7);
  });

  it("rounds a fractional Retry-After up to whole seconds", async () => {
    const e = await upstreamErrorFromResponse(envelope(429, {}, { "retry-after": "1.2" }), identity);
    expect(e.retryAfterSeconds).toBe(2);
  });

  it("reads an HTTP-date Retry-After", async () => {
    const at = new Date(Date.now() + 20_000).toUTCString(); // second precision: 19–20 s away
    const e = await upstreamErrorFromResponse(envelope(429, {}, { "retry-after": at }), identity);
    expect(e.retryAfterSeconds).toBeGreaterThanOrEqual(19);
    expect(e.retryAfterSeconds).toBeLessThanOrEqual(20);
  });

  it("defaults a 429 without (or with a zero) Retry-After to 1 s", async () => {
    expect((await upstreamErrorFromResponse(envelope(429, {}), identity)).retryAfterSeconds).toBe(1);
    expect((await upstreamErrorFromResponse(envelope(429, {}, { "retry-after": "0" }), identity)).retryAfterSeconds).toBe(1);
    expect((await upstreamErrorFromResponse(envelope(429, {}, { "retry-after": "soon" }), identity)).retryAfterSeconds).toBe(1);
  });

  it.each([500, 502, 503, 504])("maps %i to upstream_unavailable", async (status) => {
    const e = await upstreamErrorFromResponse(envelope(status, { message: "Internal error" }), identity);
    expect(e.code).toBe("upstream_unavailable");
    expect(e.status).toBe(503);
    expect(e.message).toBe(`The gateway is unavailable (HTTP ${status}): Internal error`);
  });

  it("handles a body that is not JSON (a proxy's HTML page)", async () => {
    const html = new Response("<html><body>502 Bad Gateway</body></html>", {
      status: 502,
      headers: { "content-type": "text/html" },
    });
    const e = await upstreamErrorFromResponse(html, identity);
    expect(e.code).toBe("upstream_unavailable");
    expect(e.message).toBe("The gateway is unavailable (HTTP 502)");
  });

  it("handles an empty body and JSON without an error envelope", async () => {
    const empty = await upstreamErrorFromResponse(new Response(null, { status: 400 }), identity);
    expect(empty.code).toBe("upstream_invalid");
    expect(empty.message).toBe("The gateway rejected the request");
    expect(empty.fields).toEqual([]);

    const other = await upstreamErrorFromResponse(new Response(JSON.stringify({ detail: "nope" }), { status: 404 }), identity);
    expect(other.code).toBe("not_found");
    expect(other.message).toBe("The gateway does not know this job");

    const nul = await upstreamErrorFromResponse(new Response("null", { status: 500 }), identity);
    expect(nul.message).toBe("The gateway is unavailable (HTTP 500)");
  });

  it("passes the upstream message through redact", async () => {
    const redact = vi.fn((s: string) => s.replace(/sk-[A-Za-z0-9-]+/g, "[redacted]"));
    const e = await upstreamErrorFromResponse(
      envelope(400, { message: "Key sk-secret-123456789 may not set seed", param: "seed" }),
      redact,
    );
    expect(redact).toHaveBeenCalledWith("Key sk-secret-123456789 may not set seed");
    expect(e.message).toBe("The gateway rejected the request: Key [redacted] may not set seed");
    expect(e.fields).toEqual([{ field: "seed", message: "Key [redacted] may not set seed" }]);
    expect(JSON.stringify(e.toJSON())).not.toContain("sk-secret-123456789");
  });

  it("redacts before it truncates the message to 500 characters", async () => {
    const secret = "sk-secret-123456789";
    const long = `${"x".repeat(495)}${secret}`; // the secret straddles the 500-char cut
    const e = await upstreamErrorFromResponse(envelope(503, { message: long }), (s) => s.replaceAll(secret, "[r]"));
    expect(e.message).toBe(`The gateway is unavailable (HTTP 503): ${"x".repeat(495)}[r]`);
    expect(e.message).not.toContain("sk-sec");
  });

  it("truncates a very long message to 500 characters", async () => {
    const e = await upstreamErrorFromResponse(envelope(404, { message: "y".repeat(2000) }), identity);
    expect(e.message).toBe(`The gateway does not know this job: ${"y".repeat(500)}`);
  });
});

describe("isRetryable", () => {
  it("retries rate limits and transient failures only", () => {
    expect(isRetryable(new AppError("rate_limited", "x", { retryAfterSeconds: 1 }))).toBe(true);
    expect(isRetryable(new AppError("upstream_unavailable", "x"))).toBe(true);
    for (const code of ["not_found", "bad_api_key", "insufficient_credits", "upstream_invalid", "outcome_unknown", "internal"] as const) {
      expect(isRetryable(new AppError(code, "x")), code).toBe(false);
    }
    expect(isRetryable(new Error("x"))).toBe(false);
    expect(isRetryable("rate_limited")).toBe(false);
  });
});
