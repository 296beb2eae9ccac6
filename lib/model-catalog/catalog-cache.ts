import "server-only";

/**
 * The gateway's catalog of image models, read at most once an hour. Only the first read is
 * waited for; after that a stale catalog is served while a refresh runs behind it, so a run is
 * never held up by the hourly re-read. One refresh at a time (concurrent callers share it); a
 * failed refresh keeps what was read before and is not retried for a while, so a gateway that
 * is down costs one request per retry window, not one per page view. Never throws: an
 * unreadable catalog is an empty one, and the built-in models still work.
 */
export interface CatalogSource<T> {
  /** Ids of the image models the catalog lists. */
  listIds(): Promise<string[]>;
  /** One model's schema, or null when it cannot be understood. */
  detail(id: string): Promise<T | null>;
}

export interface CatalogCacheOptions<T> {
  source: CatalogSource<T>;
  now?: () => number;
  /** How long a successful read stays fresh. */
  ttlMs?: number;
  /** How long to wait after a failed read before trying again. */
  retryMs?: number;
  /** The most model details one refresh reads: the catalog spends the account's rate budget. */
  maxModels?: number;
  onError?: (error: unknown) => void;
}

export const CATALOG_TTL_MS = 60 * 60 * 1000;
export const CATALOG_RETRY_MS = 5 * 60 * 1000;
export const CATALOG_MAX_MODELS = 20;

export class CatalogCache<T> {
  private entries: T[] = [];
  private readAt: number | null = null;
  private failedAt: number | null = null;
  private inflight: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly opts: CatalogCacheOptions<T>) {
    this.now = opts.now ?? Date.now;
  }

  /** The catalog's models: waits for the first read; later, a stale catalog starts a refresh and is served. */
  async models(): Promise<readonly T[]> {
    if (this.isStale()) {
      const refresh = this.refresh();
      if (this.readAt === null && this.failedAt === null) await refresh;
    }
    return this.entries;
  }

  /** Resolves when no refresh is running (tests, and a warm-up that wants the first read done). */
  async settled(): Promise<void> {
    await this.inflight;
  }

  /** Forgets freshness, so the next read asks the gateway again (a model stopped answering). */
  invalidate(): void {
    if (this.readAt !== null) this.readAt = -Infinity;
    this.failedAt = null;
  }

  private isStale(): boolean {
    const t = this.now();
    if (this.failedAt !== null && t - this.failedAt < (this.opts.retryMs ?? CATALOG_RETRY_MS)) return false;
    return this.readAt === null || t - this.readAt >= (this.opts.ttlMs ?? CATALOG_TTL_MS);
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.read().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async read(): Promise<void> {
    try {
      const ids = (await this.opts.source.listIds()).slice(0, this.opts.maxModels ?? CATALOG_MAX_MODELS);
      const details: T[] = [];
      // One at a time: a burst of detail reads would eat the rate budget runs need.
      for (const id of ids) {
        const detail = await this.opts.source.detail(id);
        if (detail !== null) details.push(detail);
      }
      this.entries = details;
      this.readAt = this.now();
      this.failedAt = null;
    } catch (e) {
      this.failedAt = this.now();
      this.opts.onError?.(e);
    }
  }
}
