import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * proxy.ts does not gate /api (it would buffer request bodies): every API route must check the
 * session itself, which handleRoute does. This keeps a new route from forgetting it.
 */
const API = path.join(process.cwd(), "app", "api");
/** Public by design: signing in must work without a session. */
const PUBLIC = new Set(["session/route.ts"]);

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    return name === "route.ts" ? [full] : [];
  });
}

describe("every /api route checks access", () => {
  const files = routes(API);
  it("finds the routes", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.map((f) => [path.relative(API, f), f]))("%s wraps each method in handleRoute", (rel, file) => {
    if (PUBLIC.has(rel)) return;
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b(.*)/g)];
    expect(methods.length, `${rel} exports a method`).toBeGreaterThan(0);
    for (const [, method, rest] of methods) expect(rest, `${rel} ${method}`).toMatch(/^\s*=\s*handleRoute\(/);
  });
});
