import "server-only";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { CatalogModel } from "@/lib/models/catalog";
import type { UpstreamClient } from "@/lib/upstream/client";
import { CatalogCache } from "./catalog-cache";
import { mergeOffered, type OfferedModel, type Refusal } from "./offered-models";

/**
 * The models this server offers right now: built-in definitions and the gateway's catalog,
 * with what the gateway said about each (retired, refused). One per process, like the tracker.
 */
export class ModelsService {
  private readonly cache: CatalogCache<CatalogModel>;
  private readonly refusals = new Map<string, Refusal>();
  /** Each model's unofferable parameters are logged once per process, not on every read. */
  private readonly logged = new Set<string>();

  constructor(client: Pick<UpstreamClient, "listModels" | "getModelDetail">, private readonly now: () => Date = () => new Date()) {
    this.cache = new CatalogCache({
      source: {
        listIds: async () => (await client.listModels()).map((m) => m.id),
        detail: async (id) => {
          const { model, ignored } = await client.getModelDetail(id);
          if (ignored.length > 0) this.logOnce(id, "catalog.ignored", ignored);
          return model;
        },
      },
      onError: (error) => log("warn", "catalog.read_failed", { error }),
    });
  }

  private merged: { catalog: readonly CatalogModel[]; version: number; models: OfferedModel[] } | null = null;
  private refusalsVersion = 0;

  /** Built per catalog read, not per call: a submit looks its model up here. */
  async offered(): Promise<OfferedModel[]> {
    const catalog = await this.cache.models();
    if (this.merged?.catalog !== catalog || this.merged.version !== this.refusalsVersion) {
      const models = mergeOffered(catalog, this.refusals, (id, skipped) => this.logOnce(id, "catalog.skipped", skipped));
      this.merged = { catalog, version: this.refusalsVersion, models };
    }
    return this.merged.models;
  }

  /**
   * The gateway refused a run because of its model (model_not_found / model_unavailable): show
   * the model as unavailable from now on, and read the catalog again for its new status.
   */
  noteRefusal(modelId: string, error: AppError): void {
    this.refusals.set(modelId, { reason: error.message, at: this.now().toISOString() });
    this.refusalsVersion++;
    this.cache.invalidate();
  }

  private logOnce(id: string, event: string, lines: string[]): void {
    const key = `${event}:${id}`;
    if (this.logged.has(key)) return;
    this.logged.add(key);
    log("info", event, { model: id, lines });
  }
}
