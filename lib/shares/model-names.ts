import "server-only";
import { getRuntime } from "@/lib/jobs/runtime";
import { log } from "@/lib/log";
import { getModel } from "@/lib/models";

/** The offered models' names by id (the runtime's models service: built-in and catalog). */
export type ReadOfferedNames = () => Promise<ReadonlyMap<string, string>>;

/**
 * How long a share page waits for the catalog before naming a catalog model by its id. The
 * catalog is cached for an hour, so this only matters when a refresh is due and the gateway is
 * slow: a visitor's page must not wait out the upstream timeout.
 */
export const CATALOG_WAIT_MS = 2_000;

async function readOfferedNames(): Promise<ReadonlyMap<string, string>> {
  const offered = await (await getRuntime()).models.offered();
  return new Map(offered.map((m) => [m.definition.id, m.definition.label]));
}

function withinMs<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The display name of each model id, for pages rendered on the server (the share page and its
 * metadata). A built-in model's label comes from its definition; a catalog model's from the
 * models service; anything else (retired, gone from the catalog, the catalog unreadable or slow)
 * is named by its id. Never throws: a share page does not fail because the catalog cannot be read.
 */
export async function modelNames(ids: Iterable<string>, read: ReadOfferedNames = readOfferedNames, waitMs = CATALOG_WAIT_MS): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const rest: string[] = [];
  for (const id of new Set(ids)) {
    const own = getModel(id)?.label;
    if (own) names.set(id, own);
    else rest.push(id);
  }
  if (rest.length === 0) return names;
  let offered: ReadonlyMap<string, string> | null = null;
  try {
    const reading = read();
    reading.catch(() => {}); // a read that fails after the wait is over is not an unhandled rejection
    offered = await withinMs(reading, waitMs);
    if (!offered) log("warn", "share.model_names_slow", { waitMs, models: rest });
  } catch (error) {
    log("warn", "share.model_names_failed", { error, models: rest });
  }
  for (const id of rest) names.set(id, offered?.get(id) ?? id);
  return names;
}

/** Names joined as a person writes them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
