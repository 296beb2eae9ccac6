import { fileURLToPath } from "node:url";
import { discoverRoutes } from "./discover-routes";

/**
 * The app's /api route handlers with sample values in their dynamic segments, for replays that
 * must hit every route (read from the file tree at test time: a new route is covered without
 * anyone adding it here).
 */
const APP = fileURLToPath(new URL("../../../app", import.meta.url));
const SAMPLE: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  sha: "a".repeat(64),
  token: "AAAAAAAAAAAAAAAAAAAAAA",
  n: "1",
  position: "0",
};

const samplePath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, (_, name: string) => SAMPLE[name] ?? "x");

export interface ApiRoute {
  path: string;
  method: string;
  takesBody: boolean;
}

/** Every /api route and each method it exports, reads included: what the host and session checks guard. */
export function apiRoutes(): ApiRoute[] {
  return discoverRoutes(APP)
    .filter((r) => r.kind === "route" && r.pattern.startsWith("/api/"))
    .flatMap((r) => r.methods.map((method) => ({ path: samplePath(r.pattern), method, takesBody: r.bodyMethods.includes(method) })));
}

/** The /api routes and their state-changing methods: what the origin and body checks guard. */
export function stateChangingApiRoutes(): ApiRoute[] {
  return apiRoutes().filter((r) => r.method !== "GET");
}
