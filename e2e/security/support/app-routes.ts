import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Every route handler of the app, read from the file tree at test time (so a new route is in
 * the security replay without anyone adding it here): its path with sample values for dynamic
 * segments, and the methods it exports.
 */
export interface AppRoute {
  /** e.g. /api/shares/00000000-0000-4000-8000-000000000000/revoke */
  path: string;
  /** The file, relative to app/. */
  file: string;
  methods: string[];
  /** Methods that declare a body to the guard (`handleRoute({ body: … })`). */
  bodyMethods: string[];
}

const APP = fileURLToPath(new URL("../../../app", import.meta.url));
const SAMPLE: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  sha: "a".repeat(64),
  token: "AAAAAAAAAAAAAAAAAAAAAA",
  n: "1",
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name === "route.ts" ? [full] : [];
  });
}

export function appRoutes(): AppRoute[] {
  return files(APP)
    .map((file) => {
      const rel = path.relative(APP, file);
      const segments = path
        .dirname(rel)
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s)) // route groups do not appear in URLs
        .map((s) => s.replace(/^\[(\w+)\]$/, (_, name: string) => SAMPLE[name] ?? "x"));
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
      const bodyMethods = [...source.matchAll(/export const (POST|PUT|PATCH|DELETE) = handleRoute\(\{ body:/g)].map((m) => m[1]);
      return { path: `/${segments.join("/")}`, file: rel, methods, bodyMethods };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The /api routes and their state-changing methods: what the origin and body checks guard. */
export function stateChangingApiRoutes(): { path: string; method: string; takesBody: boolean }[] {
  return appRoutes()
    .filter((r) => r.path.startsWith("/api/"))
    .flatMap((r) => r.methods.filter((m) => m !== "GET").map((method) => ({ path: r.path, method, takesBody: r.bodyMethods.includes(method) })));
}
