/**
 * The engine's failures, in the gateway's OpenAI-style envelope
 * `{"error":{"message","type","code","param"}}` (gateway-contract.md §1). Route code throws
 * EngineError; server.ts turns it into the response, so every error has the same shape.
 */
export type ErrorType = "invalid_request_error" | "rate_limit_error" | "server_error";

export interface ErrorEnvelope {
  error: { message: string; type: ErrorType; code: string; param: string | null };
}

export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "EngineError";
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param } };
  }
}

export const invalidParam = (param: string | null, message: string) =>
  new EngineError(400, "invalid_request_error", "invalid_parameter", message, param);

export const badRequest = (code: string, message: string) => new EngineError(400, "invalid_request_error", code, message);

/** Same type and code as OpenAI's 401, so SDKs classify it as an authentication error. */
export const unauthorized = (message: string) =>
  new EngineError(401, "invalid_request_error", "invalid_api_key", message);

export const insufficientCredits = () =>
  new EngineError(402, "invalid_request_error", "insufficient_credits", "Insufficient credits (injected fault)");

export const notFound = (message: string) => new EngineError(404, "invalid_request_error", "not_found", message);

export const rateLimited = (retryAfterSeconds: number, message = "Rate limit exceeded; retry later") =>
  new EngineError(429, "rate_limit_error", "rate_limit_exceeded", message, null, {
    "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

export const serverError = (message: string, code = "internal_error") => new EngineError(500, "server_error", code, message);

/** [assumed, contract §1] OpenAI's status and type for an unknown model, with the gateway's code. */
export const modelNotFound = (model: string) =>
  new EngineError(404, "invalid_request_error", "model_not_found", `The model ${JSON.stringify(model)} does not exist; GET /v1/models lists the models`, "model");

/**
 * [assumed, contract §1 and §6] A retired model: the gateway documents the code
 * `model_unavailable`, not its status; 410 Gone says that retrying will not help.
 */
export const modelUnavailable = (model: string, on: string) =>
  new EngineError(410, "invalid_request_error", "model_unavailable", `The model ${model} was retired on ${on} and no longer accepts jobs`, "model");
