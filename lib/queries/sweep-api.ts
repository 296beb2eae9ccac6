/** The browser's calls to /api/sweeps. */
import type { ApiJob, ApiSweep, ApiSweepSummary } from "@/lib/api-types";
import { request } from "@/lib/queries/api";
import type { SweepRequest } from "@/lib/sweeps/sweep-axis";

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const path = (id: string) => `/api/sweeps/${encodeURIComponent(id)}`;

export const sweepApi = {
  /** One Idempotency-Key per Run press: a retry of the press answers with the sweep it made. */
  create: (body: SweepRequest, idempotencyKey: string) => request<ApiSweep>("/api/sweeps", post(body, { "idempotency-key": idempotencyKey })),
  list: (limit = 50) => request<{ items: ApiSweepSummary[] }>(`/api/sweeps?limit=${limit}`),
  get: (id: string) => request<ApiSweep>(path(id)),
  /** Cancels the waiting cells (never sent, never billed). */
  cancel: (id: string) => request<ApiSweep>(`${path(id)}/cancel`, post({})),
  /** The whole sweep again as a new sweep, with `seed` or one drawn by the server. */
  rerun: (id: string, seed?: number) => request<ApiSweep>(`${path(id)}/rerun`, post(seed === undefined ? {} : { seed })),
  /** One cell's run again (its seed unless `newSeed`). */
  rerunCell: (id: string, position: number, newSeed = false) =>
    request<ApiJob>(`${path(id)}/cells/${position}/rerun`, post(newSeed ? { newSeed } : {})),
};
