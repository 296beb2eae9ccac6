/**
 * The browser's calls to /api/prompts. Kept out of api.ts on purpose: api.ts is in the
 * playground's first load whole (unused exports included), and the prompt history is only
 * needed once the palette or the /prompts page opens.
 */
import type { ApiPromptEntry, ApiPromptImportResult, ApiPromptList } from "@/lib/api-types";
import { request } from "@/lib/queries/api";

const json = (body: unknown): RequestInit => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const promptApi = {
  /** Pinned first, then the most recently used; every word of `q` must appear. */
  list: (opts: { q?: string; kind?: "prompt" | "negative"; limit?: number }) => {
    const qs = new URLSearchParams();
    if (opts.q) qs.set("q", opts.q);
    if (opts.kind) qs.set("kind", opts.kind);
    if (opts.limit) qs.set("limit", String(opts.limit));
    return request<ApiPromptList>(`/api/prompts?${qs}`);
  },
  pin: (id: string, pinned: boolean) => request<ApiPromptEntry>(`/api/prompts/${encodeURIComponent(id)}/pin`, { method: "PUT", ...json({ pinned }) }),
  remove: (id: string) => request<void>(`/api/prompts/${encodeURIComponent(id)}`, { method: "DELETE" }),
  /** A file's JSON as it is: the server checks it and names what is wrong. */
  import: (body: unknown) => request<ApiPromptImportResult>("/api/prompts/import", { method: "POST", ...json(body) }),
};
