import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HOSTILE_REQUEST_IDS } from "../../e2e/security/fuzz/request-id-inputs";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { requestIdOf } from "@/lib/http/request-id";
import { currentRequestId, log } from "@/lib/log";
import { setTestEnv } from "@/lib/testing/test-env";

/**
 * Every API request has an id: on its answer (`x-request-id`) and on every log line written while
 * it is handled, however deep (AsyncLocalStorage). A proxy's id is kept only behind a trusted
 * proxy and only as a short safe token; anything else is replaced, never refused.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORIGIN = "http://127.0.0.1:3000";
const get = (headers: Record<string, string> = {}) => new Request(`${ORIGIN}/api/thing`, { headers: { host: "127.0.0.1:3000", ...headers } });

let restoreEnv: () => void;
let lines: Record<string, unknown>[];
beforeEach(() => {
  restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: undefined, TRUST_PROXY: undefined, LOG_LEVEL: "info" });
  lines = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  restoreEnv();
});

describe("requestIdOf", () => {
  it("without a trusted proxy, makes its own, whatever the client sent", () => {
    const ids = new Set([requestIdOf(new Headers({ "x-request-id": "abc-123" }), 0), requestIdOf(new Headers(), 0)]);
    expect(ids.size).toBe(2);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("behind a trusted proxy, keeps the proxy's short safe token", () => {
    for (const id of ["abc-123", "Root-1-67891233", "9f86d081884c7d65", "a.b:c_d-e", "k".repeat(64)]) {
      expect(requestIdOf(new Headers({ "x-request-id": id }), 1)).toBe(id);
    }
  });

  it.each(HOSTILE_REQUEST_IDS.map((h) => [h.what, h.value]))("behind a proxy, replaces %s", (_what, value) => {
    const headers = { get: (name: string) => (name === "x-request-id" ? value : null) };
    const id = requestIdOf(headers, 1);
    expect(id).not.toBe(value);
    expect(id).toMatch(UUID);
  });
});

describe("the request id through handleRoute", () => {
  it("is on the answer and on every log line written while the request is handled, deep or not", async () => {
    const deep = async () => {
      await new Promise((r) => setTimeout(r, 1));
      log("info", "deep.work", { step: 2 });
    };
    const route = handleRoute(async () => {
      log("info", "route.start");
      await deep();
      return Response.json({ ok: true });
    });
    const res = await route(get(), {});
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    expect(lines.map((l) => [l.event, l.requestId])).toEqual([
      ["route.start", id],
      ["deep.work", id],
    ]);
    // Last on the line, after the event's own fields.
    expect(Object.keys(lines[1])).toEqual(["t", "level", "event", "step", "requestId"]);
  });

  it("keeps concurrent requests apart", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const route = handleRoute(async (req) => {
      const name = new URL(req.url).searchParams.get("n");
      log("info", "before", { name });
      await gate;
      log("info", "after", { name });
      return Response.json({ name });
    });
    const pending = ["a", "b", "c"].map((n) => route(new Request(`${ORIGIN}/api/thing?n=${n}`, { headers: { host: "127.0.0.1:3000" } }), {}));
    release();
    const answers = await Promise.all(pending);
    const idOf = new Map(await Promise.all(answers.map(async (r) => [((await r.json()) as { name: string }).name, r.headers.get("x-request-id")] as const)));
    expect(new Set(idOf.values()).size).toBe(3);
    for (const line of lines) expect(line.requestId, `${String(line.event)} of ${String(line.name)}`).toBe(idOf.get(line.name as string));
    expect(lines).toHaveLength(6);
  });

  it("is on refusals and on the log line of a 500, and the proxy's own is used behind a trusted proxy", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: undefined, TRUST_PROXY: "1", LOG_LEVEL: "info" });
    const broken = handleRoute(async () => {
      throw new Error("a bug");
    });
    const res = await broken(get({ "x-request-id": "lb-7f3a9c" }), {});
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("lb-7f3a9c");
    expect(lines.find((l) => l.event === "route.unhandled")?.requestId).toBe("lb-7f3a9c");

    const refused = handleRoute(async () => {
      throw new AppError("not_found", "No such thing.");
    });
    const forged = await refused(get({ "x-request-id": "two\tparts" }), {});
    expect(forged.status).toBe(404);
    expect(forged.headers.get("x-request-id")).toMatch(UUID);
  });

  it("is not put on lines of work that outlives the answer (a queue pass kicked by the request, its timers)", async () => {
    let later!: Promise<void>;
    const route = handleRoute(async () => {
      later = new Promise((resolve) =>
        setTimeout(() => {
          log("info", "background.pass");
          resolve();
        }, 5),
      );
      return Response.json({ ok: true });
    });
    const res = await route(get(), {});
    await later;
    expect(res.headers.get("x-request-id")).toMatch(UUID);
    expect(lines.map((l) => l.event)).toEqual(["background.pass"]);
    expect(lines[0].requestId).toBeUndefined();
    expect(currentRequestId()).toBeUndefined();
  });
});
