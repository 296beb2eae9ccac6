import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { formBody, jsonBody, jsonOrFormBody } from "@/lib/http/read-body";
import { resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
beforeEach(() => {
  delete process.env.PLAYGROUND_PASSWORD;
  delete process.env.ALLOWED_HOSTS;
  resetEnvForTests();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

const URL_ = "http://127.0.0.1:3000/api/thing";
const own = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
const post = (body: BodyInit | null, headers: Record<string, string>) =>
  new Request(URL_, { method: "POST", body, headers: { ...own, ...headers }, duplex: "half" } as RequestInit);

/** A body of `size` bytes delivered in 64 KB chunks, counting what the server pulled. */
function counted(size: number) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= size) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

const echo = handleRoute({ body: jsonBody(1024) }, async (_req, _ctx: unknown, body) => Response.json({ got: body.value }));
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("the route guard", () => {
  it("passes a same-origin JSON body to the handler, with the API's security headers", async () => {
    const res = await echo(post(JSON.stringify({ a: 1 }), { "content-type": "application/json; charset=utf-8" }), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { a: 1 } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses a foreign Host with 421, before anything else", async () => {
    const res = await echo(post("{}", { host: "rebind.evil.example", "content-type": "application/json" }), {});
    expect(res.status).toBe(421);
    expect((await errorOf(res)).message).toMatch(/ALLOWED_HOSTS/);
  });

  it("refuses cross-site and text/plain posts (the classic CSRF form) with 403 and 415", async () => {
    const cross = await echo(post("{}", { origin: "http://evil.example", "content-type": "application/json" }), {});
    expect(cross.status).toBe(403);
    expect((await errorOf(cross)).code).toBe("cross_site");
    const plain = await echo(post('{"prompt":"x"}', { "content-type": "text/plain" }), {});
    expect(plain.status).toBe(415);
    expect((await errorOf(plain)).message).toBe("Send the body as application/json (got text/plain).");
  });

  it("refuses a declared oversize body with 413 without reading it", async () => {
    const body = counted(10 * 1024 * 1024);
    const res = await echo(post(body.stream, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }), {});
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toBe("The request body is 10 MB; the limit is 1 KB.");
    expect(body.pulled(), "bytes pulled from the client").toBeLessThanOrEqual(64 * 1024 * 2);
  });

  it("stops reading a chunked body at the limit", async () => {
    const body = counted(10 * 1024 * 1024);
    const res = await echo(post(body.stream, { "content-type": "application/json" }), {});
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024 * 3);
  });

  it("routes without a body refuse a declared one over 1 KB and never read it", async () => {
    const noBody = handleRoute(async () => new Response(null, { status: 204 }));
    const body = counted(5 * 1024 * 1024);
    const res = await noBody(post(body.stream, { "content-length": String(5 * 1024 * 1024) }), {});
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024 * 2);
    expect((await noBody(post(null, {}), {})).status).toBe(204);
  });

  it("reads forms, and JSON-or-form as either", async () => {
    const form = handleRoute({ body: formBody(1024) }, async (_r, _c: unknown, b) => Response.json({ a: b.value.get("a") }));
    expect(await (await form(post("a=1&b=2", { "content-type": "application/x-www-form-urlencoded" }), {})).json()).toEqual({ a: "1" });
    expect((await form(post("{}", { "content-type": "application/json" }), {})).status).toBe(415);
    const either = handleRoute({ body: jsonOrFormBody(1024) }, async (_r, _c: unknown, b) => Response.json({ type: b.type }));
    expect(await (await either(post("{}", { "content-type": "application/json" }), {})).json()).toEqual({ type: "json" });
    expect(await (await either(post("x=1", { "content-type": "application/x-www-form-urlencoded" }), {})).json()).toEqual({ type: "form" });
  });

  it("answers malformed JSON, an empty body and a bad Content-Length with 400", async () => {
    expect((await echo(post("{nope", { "content-type": "application/json" }), {})).status).toBe(400);
    expect((await echo(post("", { "content-type": "application/json" }), {})).status).toBe(400);
    const bad = new Request(URL_, { method: "POST", headers: { ...own, "content-type": "application/json", "content-length": "12abc" } });
    expect((await echo(bad, {})).status).toBe(400);
  });

  it("maps AppErrors to their status, bad percent-encoding to 400, anything else to a generic 500", async () => {
    const fails = (e: unknown) => handleRoute(async () => Promise.reject(e));
    const get = new Request(URL_, { headers: own });
    expect((await fails(new AppError("not_found", "No such thing."))(get, {})).status).toBe(404);
    const uri = await fails(new URIError("URI malformed"))(get, {});
    expect(uri.status).toBe(400);
    const boom = await fails(new Error("secret details"))(get, {});
    expect(boom.status).toBe(500);
    expect(JSON.stringify(await boom.json())).not.toContain("secret details");
    expect(boom.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("asks for a session when a password is set (401), before reading the body", async () => {
    process.env.PLAYGROUND_PASSWORD = "pw";
    resetEnvForTests();
    const body = counted(1024 * 1024);
    const res = await echo(post(body.stream, { "content-type": "application/json" }), {});
    expect(res.status).toBe(401);
    // A ReadableStream pulls its first chunk by itself; the guard read nothing beyond that.
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });
});
