/**
 * Query-key factory: every key the app caches under, in one place, so invalidation is exact.
 * Keys nest: invalidating jobs.all also covers jobs.recent and every jobs.detail(id).
 */
export const queryKeys = {
  jobs: {
    all: ["jobs"] as const,
    recent: ["jobs", "recent"] as const,
    detail: (id: string) => ["jobs", "detail", id] as const,
  },
  gallery: {
    all: ["gallery"] as const,
    list: ["gallery", "list"] as const,
    /** One filter's list (the filter as URL search params). */
    filtered: (params: string) => ["gallery", "list", params] as const,
    lineage: (imageId: string) => ["gallery", "lineage", imageId] as const,
  },
  spend: ["spend"] as const,
  /** GET /api/budget: the request budget, the queue and what is left of the spending caps. */
  budget: ["budget"] as const,
  settings: {
    caps: ["settings", "caps"] as const,
  },
  models: ["models"] as const,
  /** GET /api/sweeps; invalidating it covers every sweep (GET /api/sweeps/{id}) too. A `sweep` event of the live stream invalidates its detail. */
  sweeps: {
    all: ["sweeps"] as const,
    detail: (id: string) => ["sweeps", id] as const,
  },
  shares: ["shares"] as const,
  /** The prompt history (GET /api/prompts): one search's list by its query string. */
  prompts: {
    all: ["prompts"] as const,
    list: (params: string) => ["prompts", "list", params] as const,
  },
};
