import type { ApiBudget, ApiErrorBody, ApiJob, ApiModel, GalleryIds, GalleryPage, HealthInfo, ImageLineage, SpendSummary } from "@/lib/api-types";

export interface FieldMessage {
  field: string;
  message: string;
}

/** Every failed /api call becomes one of these: status, a message a person can act on, field errors. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldMessage[];
  /** Seconds, from the body's retry_after or the Retry-After header (429). */
  readonly retryAfter?: number;

  constructor(status: number, code: string, message: string, fields: FieldMessage[] = [], retryAfter?: number) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

export function isApiRequestError(e: unknown): e is ApiRequestError {
  return e instanceof ApiRequestError;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === "object" && v !== null && "error" in v && typeof (v as ApiErrorBody).error?.message === "string";
}

async function toRequestError(res: Response): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => null);
  const header = Number(res.headers.get("retry-after"));
  const headerRetry = Number.isFinite(header) && header > 0 ? header : undefined;
  if (isErrorBody(body)) {
    const { code, message, fields, retry_after } = body.error;
    return new ApiRequestError(res.status, code, message, Array.isArray(fields) ? fields : [], retry_after ?? headerRetry);
  }
  const fallback = res.status >= 500 ? "The server had a problem; try again." : `Request failed (${res.status}).`;
  return new ApiRequestError(res.status, "http_error", fallback, [], headerRetry);
}

/** The session ended (signed out elsewhere, or "everywhere"): back to sign-in, then here again. */
function goToSignIn(): void {
  if (typeof window === "undefined" || window.location.pathname === "/sign-in") return;
  const here = window.location.pathname + window.location.search;
  // A full page load on purpose: nothing of the signed-out page's state should survive.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/sign-in?expired=1&next=${encodeURIComponent(here)}`);
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw new ApiRequestError(0, "network_error", "Could not reach the server. Check your connection and try again.");
  }
  if (!res.ok) {
    const error = await toRequestError(res);
    if (error.status === 401 && error.code === "unauthorized") goToSignIn();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The generation request exactly as the gateway takes it: flat snake_case. */
export type GenerationRequestBody = Record<string, unknown> & { task_type: string };

/**
 * POST /api/jobs. The Idempotency-Key names one Run press: sent again (a retry after a lost
 * answer), the server answers with the run it already made instead of making a second one.
 */
export function createJob(body: GenerationRequestBody, idempotencyKey: string): Promise<ApiJob> {
  return request<ApiJob>("/api/jobs", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(body),
  });
}

/** Takes a waiting run out of the queue (409 `not_cancellable` once the gateway has it). */
export function cancelRun(id: string): Promise<ApiJob> {
  return request<ApiJob>(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST", headers: { "content-type": "application/json" } });
}

export function cancelAllWaiting(): Promise<{ cancelled: number }> {
  return request("/api/jobs/cancel-waiting", { method: "POST", headers: { "content-type": "application/json" } });
}

export function fetchBudget(): Promise<ApiBudget> {
  return request<ApiBudget>("/api/budget");
}

export function fetchJob(id: string): Promise<ApiJob> {
  return request<ApiJob>(`/api/jobs/${encodeURIComponent(id)}`);
}

export function fetchRecentJobs(limit: number): Promise<{ items: ApiJob[] }> {
  return request<{ items: ApiJob[] }>(`/api/jobs?limit=${limit}`);
}

export function fetchGalleryPage(opts: { limit: number; cursor?: string | null; filter?: URLSearchParams }): Promise<GalleryPage> {
  const qs = new URLSearchParams(opts.filter);
  qs.set("limit", String(opts.limit));
  if (opts.cursor) qs.set("cursor", opts.cursor);
  return request<GalleryPage>(`/api/gallery?${qs}`);
}

export function fetchModels(): Promise<{ models: ApiModel[] }> {
  return request("/api/models");
}

export function fetchSpend(): Promise<SpendSummary> {
  return request<SpendSummary>("/api/spend");
}

export function fetchHealth(): Promise<HealthInfo> {
  return request<HealthInfo>("/api/health");
}

/** The line to show for a failed request; 429 says when to retry. */
export function describeError(e: unknown): string {
  if (isApiRequestError(e)) {
    if (e.status === 429) {
      return e.retryAfter !== undefined ? `Rate limited, retry in ${Math.ceil(e.retryAfter)} s` : "Rate limited, retry shortly";
    }
    return e.message;
  }
  return e instanceof Error ? e.message : "Something went wrong.";
}

export function setImageFavorite(id: string, favorite: boolean): Promise<{ id: string; favorite: boolean }> {
  return request(`/api/images/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ favorite }),
  });
}

/** Bulk star or unstar (one request, whatever the count). */
export function setImagesFavorite(imageIds: readonly string[], favorite: boolean): Promise<{ updated: number; favorite: boolean }> {
  return request("/api/images/favorite", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ imageIds, favorite }),
  });
}

/** The ids every image of a gallery filter has, in its order (up to the bulk limit). */
export function fetchGalleryIds(filter: URLSearchParams): Promise<GalleryIds> {
  return request<GalleryIds>(`/api/gallery/ids?${filter}`);
}

export function fetchLineage(imageId: string): Promise<ImageLineage> {
  return request<ImageLineage>(`/api/images/${encodeURIComponent(imageId)}/lineage`);
}
