import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every /api route goes through the shared guard (lib/http/handle-route.ts: host, session,
 * origin, size-limited body) and reads its body only through it. proxy.ts does not gate /api (it
 * would buffer request bodies), so a route that skipped handleRoute would skip all of that.
 * The replay of each check against a running server is e2e/security/guard.spec.ts.
 */
const API = path.join(process.cwd(), "app", "api");

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full);
    return name === "route.ts" ? [full] : [];
  });
}

/**
 * A handler reading its request's body itself: `req`, `request`, or the `_req` of a handler that
 * says it ignores its request (a word boundary alone would miss `_req.json()`), `.clone()` too.
 */
const READS_BODY = /(?<![\w$])_*req(?:uest)?(?:\.clone\(\))?\.(?:json|text|formData|arrayBuffer|blob|body)\b/;

describe("every /api route goes through the guard", () => {
  const files = routes(API);
  it("finds the routes", () => expect(files.length).toBeGreaterThan(15));

  it("finds the probes among them (health, ready)", () => {
    const rel = files.map((f) => path.relative(API, f).split(path.sep).join("/"));
    for (const route of ["health/route.ts", "ready/route.ts"]) expect(rel, route).toContain(route);
  });

  it("finds the prompt history routes among them", () => {
    const rel = files.map((f) => path.relative(API, f).split(path.sep).join("/"));
    for (const route of ["prompts/route.ts", "prompts/[id]/route.ts", "prompts/[id]/pin/route.ts", "prompts/export/route.ts", "prompts/import/route.ts"]) expect(rel, route).toContain(route);
  });

  it("its body pattern catches the ways a handler could read a body, and nothing else", () => {
    for (const read of ["req.json()", "_req.json()", "request.text()", "_request.formData()", "req.clone().arrayBuffer()", "const s = req.body;", "(await req.blob())"]) {
      expect(read, read).toMatch(READS_BODY);
    }
    for (const fine of ["NextResponse.json(x)", "body.value", "prereq.json()", "required.text", "req.headers.get('x')", "new URL(req.url)"]) {
      expect(fine, fine).not.toMatch(READS_BODY);
    }
  });

  it.each(files.map((f) => [path.relative(API, f), f]))("%s wraps each method in handleRoute and reads no body itself", (rel, file) => {
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b(.*)/g)];
    expect(methods.length, `${rel} exports a method`).toBeGreaterThan(0);
    for (const [, method, rest] of methods) expect(rest, `${rel} ${method}`).toMatch(/^\s*=\s*handleRoute\(/);
    expect(source, `${rel} reads its body through the guard's body option`).not.toMatch(READS_BODY);
  });
});
