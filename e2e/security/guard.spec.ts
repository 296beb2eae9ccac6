import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "../support/env";
import { apiRoutes, stateChangingApiRoutes } from "./support/app-routes";
import http from "node:http";
import { rawRequest } from "./support/raw-http";
import { signIn } from "./support/session";

/**
 * Issue 9, findings 1, 2 and 4 (bodies), replayed in both modes against the running servers:
 * every state-changing API route refuses another site's Origin (403), a body in the wrong type
 * (415, the classic text/plain CSRF form) and a declared or streamed body over its limit (413,
 * answered before the body is read); a foreign Host is refused on every API route (421); with a
 * password, every API route but health and sign-in needs a session (401). The routes are read
 * from app/ (support/app-routes.ts), so a new route is covered without being listed; issue 11's
 * (the caps, cancel, ledger) are also named below. The check behind each is
 * lib/http/handle-route.ts; its unit tests are lib/http/*.test.ts.
 */
const EVIL = "http://evil.example";

interface Mode {
  name: string;
  url: string;
  /** Cookie header of a signed-in session ("" when the mode has no password). */
  cookie: () => string;
}

let passwordCookie = "";
const modes: Mode[] = [
  { name: "no password", url: E2E.offlineUrl, cookie: () => "" },
  { name: "password", url: E2E.passwordUrl, cookie: () => passwordCookie },
];

test.beforeAll(async () => {
  passwordCookie = await signIn(E2E.passwordUrl, E2E.password);
});

const routes = stateChangingApiRoutes();

test("the route table covers the app's state-changing routes", () => {
  const seen = routes.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, ":id")}`);
  for (const must of [
    "POST /api/jobs",
    "POST /api/shares",
    "PATCH /api/shares/:id",
    "DELETE /api/shares/:id",
    "POST /api/shares/:id/revoke",
    "PATCH /api/images/:id",
    "POST /api/images/delete",
    "POST /api/images/favorite",
    "POST /api/images/zip",
    "POST /api/session",
    "POST /api/jobs/:id/cancel",
    "POST /api/jobs/cancel-waiting",
    "PUT /api/settings/caps",
    "PUT /api/prompts/:id/pin",
    "DELETE /api/prompts/:id",
    "POST /api/prompts/import",
    "POST /api/sweeps",
    "POST /api/sweeps/:id/cancel",
    "POST /api/sweeps/:id/rerun",
    "POST /api/bench/bare-submit",
  ]) {
    expect(seen, must).toContain(must);
  }
  expect(routes.filter((r) => r.takesBody).map((r) => `${r.method} ${r.path}`), "routes that take a body (the 415 test)").toContain("PUT /api/settings/caps");
  const reads = apiRoutes().map((r) => `${r.method} ${r.path}`);
  for (const must of ["GET /api/budget", "GET /api/settings/caps", "GET /api/spend/ledger", "GET /api/spend", "GET /api/prompts", "GET /api/prompts/export", "GET /api/events"]) expect(reads, must).toContain(must);
  expect(routes.filter((r) => r.takesBody).map((r) => `${r.method} ${r.path}`), "prompt history routes that take a body").toEqual(expect.arrayContaining(["POST /api/prompts/import", "PUT /api/prompts/00000000-0000-4000-8000-000000000000/pin"]));
  for (const must of ["GET /api/budget", "GET /api/settings/caps", "GET /api/spend/ledger", "GET /api/spend", "GET /api/sweeps", "GET /api/sweeps/00000000-0000-4000-8000-000000000000"]) expect(reads, must).toContain(must);
});

/** The API's public routes (PUBLIC_PATHS in lib/auth/access.ts): everything else needs a session. */
const PUBLIC_API = ["/api/health", "/api/ready", "/api/session"];

test("with a password, the probes answer without a session: health, and ready with nothing but its verdict", async () => {
  for (const cookie of ["", "nova_session=forged.value"]) {
    const health = await rawRequest(E2E.passwordUrl, "/api/health", { headers: cookie ? { cookie } : {} });
    expect(health.status, health.body).toBe(200);
    const ready = await rawRequest(E2E.passwordUrl, "/api/ready", { headers: cookie ? { cookie } : {} });
    expect(ready.status, ready.body).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true });
  }
  expect(apiRoutes().filter((r) => PUBLIC_API.includes(r.path)).map((r) => `${r.method} ${r.path}`).sort()).toEqual(["GET /api/health", "GET /api/ready", "POST /api/session"]);
});

test("every API answer carries a request id of the server's own; a client's X-Request-Id is not taken without a proxy", async () => {
  const seen = new Set<string>();
  for (const path of ["/api/health", "/api/ready", "/api/jobs/not-an-id", "/api/gallery?limit=0"]) {
    const res = await rawRequest(E2E.offlineUrl, path, { headers: { "x-request-id": "chosen-by-the-client" } });
    const id = String(res.headers["x-request-id"] ?? "");
    expect(id, `${path} (${res.status})`).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    seen.add(id);
  }
  expect(seen.size, "one id per request").toBe(4);
});

test("with a password, every API route but health, ready and sign-in answers 401 without a live session (no cookie, a forged one)", async () => {
  const url = E2E.passwordUrl;
  const checked: string[] = [];
  for (const r of apiRoutes().filter((x) => !PUBLIC_API.includes(x.path))) {
    for (const cookie of ["", "nova_session=forged.value"]) {
      const headers: Record<string, string> = r.method === "GET" ? {} : { origin: url, "content-type": "application/json" };
      if (cookie) headers.cookie = cookie;
      const res = await rawRequest(url, r.path, { method: r.method, headers, body: r.method === "GET" ? undefined : "{}" });
      expect(res.status, `${r.method} ${r.path} with ${cookie || "no cookie"}: ${res.body}`).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe("unauthorized");
      checked.push(`${r.method} ${r.path}`);
    }
  }
  for (const must of ["PUT /api/settings/caps", "GET /api/spend/ledger", "GET /api/budget", "POST /api/jobs/cancel-waiting", "GET /api/prompts", "GET /api/prompts/export", "POST /api/prompts/import", "GET /api/events"]) expect(checked, must).toContain(must);
});

for (const mode of modes) {
  test.describe(`${mode.name}`, () => {
    test("another site's Origin is refused on every state-changing route (403), before anything runs", async () => {
      for (const r of routes) {
        const res = await rawRequest(mode.url, r.path, {
          method: r.method,
          headers: { origin: EVIL, "content-type": "application/json", cookie: mode.cookie() },
          body: JSON.stringify({ prompt: "x", imageIds: [], title: "x" }),
        });
        expect(res.status, `${r.method} ${r.path}: ${res.body}`).toBe(403);
        expect(JSON.parse(res.body).error.code).toBe("cross_site");
      }
    });

    test("a request with cookies and neither Origin nor Sec-Fetch-Site is refused; cross-site fetch metadata too", async () => {
      const cookie = mode.cookie() || "unrelated=1";
      const noOrigin = await rawRequest(mode.url, "/api/shares", { method: "POST", headers: { "content-type": "application/json", cookie }, body: "{}" });
      expect(noOrigin.status, noOrigin.body).toBe(403);
      const crossSite = await rawRequest(mode.url, "/api/shares", { method: "POST", headers: { "content-type": "application/json", "sec-fetch-site": "cross-site", cookie }, body: "{}" });
      expect(crossSite.status, crossSite.body).toBe(403);
      const probe = await rawRequest(mode.url, "/api/spend", { headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", cookie } });
      expect(probe.status, "another site may not load our JSON into itself").toBe(403);
    });

    test("a body in another type than the route takes is 415 (text/plain, multipart, none)", async () => {
      for (const r of routes.filter((x) => x.takesBody)) {
        for (const type of ["text/plain", "multipart/form-data; boundary=x", ""]) {
          const headers: Record<string, string> = { origin: mode.url, cookie: mode.cookie() };
          if (type) headers["content-type"] = type;
          const res = await rawRequest(mode.url, r.path, { method: r.method, headers, body: '{"prompt":"x"}' });
          expect(res.status, `${r.method} ${r.path} as ${type || "no type"}: ${res.body}`).toBe(415);
        }
      }
    });

    test("a declared body over the limit is 413 on every route, answered without reading it", async () => {
      for (const r of routes) {
        const res = await rawRequest(mode.url, r.path, {
          method: r.method,
          headers: { origin: mode.url, cookie: mode.cookie(), "content-type": r.path === "/api/session" ? "application/x-www-form-urlencoded" : "application/json", "content-length": String(300 * 1024 * 1024) },
          headersOnly: true,
        });
        expect(res.status, `${r.method} ${r.path}: ${res.body}`).toBe(413);
        expect(res.bytesSent).toBe(0);
      }
    });

    test("another site cannot change the spending caps or cancel runs (403 before the handler); caps sent as text/plain are 415; the caps stay as they were", async () => {
      const own = { origin: mode.url, cookie: mode.cookie() };
      const readCaps = async () => {
        const res = await rawRequest(mode.url, "/api/settings/caps", { headers: { cookie: mode.cookie() } });
        expect(res.status, res.body).toBe(200);
        return JSON.parse(res.body) as unknown;
      };
      const before = await readCaps();
      const body = JSON.stringify({ dayUsd: 0, monthUsd: 0 });
      const attempts: { method: string; path: string; headers: Record<string, string>; status: number; code: string }[] = [];
      for (const path of ["/api/settings/caps", "/api/jobs/00000000-0000-4000-8000-000000000000/cancel", "/api/jobs/cancel-waiting"]) {
        const method = path === "/api/settings/caps" ? "PUT" : "POST";
        const others: Record<string, string>[] = [{ origin: EVIL }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: `http://127.0.0.1:${E2E.ports.ownServers[0]}` }];
        for (const from of others) {
          attempts.push({ method, path, headers: { ...from, cookie: mode.cookie() || "unrelated=1", "content-type": "application/json" }, status: 403, code: "cross_site" });
        }
      }
      for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        attempts.push({ method: "PUT", path: "/api/settings/caps", headers: { ...own, "content-type": type }, status: 415, code: "unsupported_media_type" });
      }
      for (const a of attempts) {
        const res = await rawRequest(mode.url, a.path, { method: a.method, headers: a.headers, body });
        expect(res.status, `${a.method} ${a.path} ${JSON.stringify(a.headers)}: ${res.body}`).toBe(a.status);
        expect(JSON.parse(res.body).error.code).toBe(a.code);
      }
      expect(await readCaps(), "the caps after every refused attempt").toEqual(before);
    });

    test("a chunked body (no Content-Length) is cut at the limit: shares, ZIP, sign-in", async () => {
      const cases = [
        { path: "/api/shares", type: "application/json", limit: 1024 * 1024 },
        { path: "/api/images/zip", type: "application/json", limit: 1024 * 1024 },
        { path: "/api/images/zip", type: "application/x-www-form-urlencoded", limit: 1024 * 1024 },
        { path: "/api/session", type: "application/x-www-form-urlencoded", limit: 16 * 1024 },
        { path: "/api/prompts/import", type: "application/json", limit: 8 * 1024 * 1024 },
      ];
      for (const c of cases) {
        const res = await rawRequest(mode.url, c.path, { method: "POST", headers: { origin: mode.url, cookie: mode.cookie(), "content-type": c.type }, chunkedBytes: 64 * 1024 * 1024 });
        // A 413, or (when the close overtakes the answer, see RawResponse.reset) a connection the
        // server ended; either way it stopped reading far short of the 64 MB offered.
        expect(res.status === 413 || res.reset === true, `${c.path} ${c.type}: ${res.status} ${res.body}`).toBe(true);
        expect(res.bytesSent, c.path).toBeLessThan(c.limit + 16 * 1024 * 1024);
        expect((await rawRequest(mode.url, "/api/health")).status, "the server is fine afterwards").toBe(200);
      }
    });

    test("a foreign Host is refused on pages and every API route (421); loopback names are served", async () => {
      for (const path of ["/", "/gallery", "/sign-in", "/s/AAAAAAAAAAAAAAAAAAAAAA"]) {
        const res = await rawRequest(mode.url, path, { headers: { host: "rebind.evil.example", cookie: mode.cookie() } });
        expect(res.status, `${path}: ${res.body.slice(0, 200)}`).toBe(421);
        expect(res.body).toContain("ALLOWED_HOSTS");
      }
      // Before anything else runs: the state-changing ones (cancel-waiting, the caps) are refused too.
      for (const r of apiRoutes()) {
        const write = r.method !== "GET";
        const headers: Record<string, string> = { host: "rebind.evil.example", cookie: mode.cookie(), ...(write ? { origin: "http://rebind.evil.example", "content-type": "application/json" } : {}) };
        const res = await rawRequest(mode.url, r.path, { method: r.method, headers, body: write ? JSON.stringify({ dayUsd: 0, monthUsd: 0 }) : undefined });
        expect(res.status, `${r.method} ${r.path}: ${res.body.slice(0, 200)}`).toBe(421);
        expect(res.body).toContain("ALLOWED_HOSTS");
      }
      const port = new URL(mode.url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
        expect((await rawRequest(mode.url, "/api/health", { headers: { host } })).status, host).toBe(200);
      }
    });
  });
}

/** The owner signed in on the password server, through the sign-in form, in a fresh browser context. */
async function ownerSignedIn(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  const owner = await context.newPage();
  await owner.goto(`${E2E.passwordUrl}/sign-in`);
  await owner.getByLabel("Password").fill(E2E.password);
  await owner.getByRole("button", { name: "Sign in" }).click();
  await expect(owner).toHaveURL(`${E2E.passwordUrl}/`);
  return context;
}

/** Another port of this host: another origin, but the same site. */
const attackerOrigin = `http://127.0.0.1:${E2E.ports.ownServers[0]}`;

/**
 * The attacker's page in the owner's browser, on attackerOrigin (the same site, so SameSite=Lax
 * sends the owner's cookie along), served by the test itself.
 */
async function attackerPage(context: BrowserContext, path: string): Promise<Page> {
  const attacker = await context.newPage();
  await attacker.route(`${attackerOrigin}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>pets</title><p>cute pets</p>" }));
  await attacker.goto(`${attackerOrigin}${path}`);
  return attacker;
}

test("a page on another origin of this host cannot create a job: not by fetch, not by a plain form post", async ({ browser }) => {
  // The password server, signed in: SameSite=Lax sends the cookie from another port of the
  // same host (same site), which is how the finding created jobs.
  const context = await ownerSignedIn(browser);
  const jobs = async (api: APIRequestContext) => ((await (await api.get(`${E2E.passwordUrl}/api/jobs?limit=100`)).json()) as { items: unknown[] }).items.length;
  const before = await jobs(context.request);

  const attacker = await attackerPage(context, "/cats");
  const target = `${E2E.passwordUrl}/api/jobs`;
  const body = JSON.stringify({ prompt: "x", number_of_images: 5, quality: "premium", size_scale: "large" });
  const fetched = await attacker.evaluate(
    async ({ target, body }) => {
      const noCors = await fetch(target, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body }).then(
        (r) => r.type,
        (e: Error) => e.message,
      );
      const cors = await fetch(target, { method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body }).then(
        (r) => String(r.status),
        (e: Error) => `blocked: ${e.message}`,
      );
      return { noCors, cors };
    },
    { target, body },
  );
  // Nothing comes back that the page could read: CORS blocks the one, and the no-cors answer is
  // opaque or, with Cross-Origin-Resource-Policy: same-origin, withheld altogether.
  expect(fetched.cors).toMatch(/^blocked/);
  expect(["opaque", "Failed to fetch"]).toContain(fetched.noCors);
  const navigation = attacker.waitForURL(target);
  await attacker.evaluate(
    ({ target, body }) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = target;
      form.enctype = "text/plain";
      const input = document.createElement("input");
      // text/plain forms send name=value: this makes the body a JSON object.
      input.name = body.slice(0, -1) + ',"x":"';
      input.value = '"}';
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    { target, body },
  );
  await navigation;
  expect(await attacker.locator("body").textContent()).toMatch(/cross_site|may not change/);
  expect(await jobs(context.request), "no job was created").toBe(before);
  await context.close();
});

test("a page on another origin of this host cannot change the spending caps, cancel runs or read the spend ledger", async ({ browser }) => {
  // As above: the owner signed in on the password server, the attacker's page on another port.
  const context = await ownerSignedIn(browser);
  const readCaps = async () => (await (await context.request.get(`${E2E.passwordUrl}/api/settings/caps`)).json()) as unknown;
  const capsBefore = await readCaps();
  const runs = async () => ((await (await context.request.get(`${E2E.passwordUrl}/api/jobs?limit=100`)).json()) as { items: { id: string; status: string }[] }).items;
  const runsBefore = await runs();

  const attacker = await attackerPage(context, "/dogs");
  const base = E2E.passwordUrl;
  const results = await attacker.evaluate(async (base) => {
    const outcome = (p: Promise<Response>, read = false) =>
      p.then(
        async (r) => (r.type === "opaque" ? "opaque" : read ? `read ${r.status}: ${(await r.text()).slice(0, 80)}` : `status ${r.status}`),
        (e: Error) => `blocked: ${e.message}`,
      );
    const caps = JSON.stringify({ dayUsd: 1000000, monthUsd: null });
    return {
      capsCors: await outcome(fetch(`${base}/api/settings/caps`, { method: "PUT", credentials: "include", headers: { "content-type": "application/json" }, body: caps })),
      // A browser sends no PUT without CORS: no-cors allows GET, HEAD and POST only.
      capsNoCors: await outcome(fetch(`${base}/api/settings/caps`, { method: "PUT", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: caps })),
      cancelAll: await outcome(fetch(`${base}/api/jobs/cancel-waiting`, { method: "POST", mode: "no-cors", credentials: "include" })),
      cancelAllCors: await outcome(fetch(`${base}/api/jobs/cancel-waiting`, { method: "POST", credentials: "include" })),
      ledger: await outcome(fetch(`${base}/api/spend/ledger`, { credentials: "include" }), true),
      ledgerNoCors: await outcome(fetch(`${base}/api/spend/ledger`, { mode: "no-cors", credentials: "include" })),
      budget: await outcome(fetch(`${base}/api/budget`, { credentials: "include" }), true),
    };
  }, base);
  expect(results.capsCors).toMatch(/^blocked/);
  expect(results.capsNoCors).toMatch(/^blocked/);
  expect(["opaque", "blocked: Failed to fetch"]).toContain(results.cancelAll);
  expect(results.cancelAllCors).toMatch(/^blocked/);
  expect(results.ledger).toMatch(/^blocked/);
  expect(["opaque", "blocked: Failed to fetch"]).toContain(results.ledgerNoCors);
  expect(results.budget).toMatch(/^blocked/);

  // Plain form posts (what a page can send without any script permission): refused by the guard
  // before the handler looks at the run, so the answer is 403 cross_site, not 404 or 409.
  const target = runsBefore[0]?.id ?? "00000000-0000-4000-8000-000000000000";
  for (const action of [`${base}/api/jobs/${target}/cancel`, `${base}/api/jobs/cancel-waiting`]) {
    await attacker.goto(`${attackerOrigin}/dogs`);
    const navigation = attacker.waitForResponse((r) => r.url() === action);
    await attacker.evaluate((action) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = action;
      form.enctype = "text/plain";
      const input = document.createElement("input");
      input.name = "x";
      input.value = "y";
      form.append(input);
      document.body.append(form);
      form.submit();
    }, action);
    const answer = await navigation;
    expect(answer.status(), action).toBe(403);
    expect(await answer.text()).toContain("cross_site");
  }
  expect(await readCaps(), "the caps").toEqual(capsBefore);
  const after = await runs();
  expect(after.filter((r) => r.status === "cancelled" && !runsBefore.some((b) => b.id === r.id && b.status === "cancelled")), "runs cancelled by the attacker").toEqual([]);
  await context.close();
});

test("the standalone request API (no cookies, no Origin) still works: scripts on this machine are clients too", async () => {
  const api = await playwrightRequest.newContext();
  const res = await api.get(`${E2E.offlineUrl}/api/spend`);
  expect(res.status()).toBe(200);
  await api.dispose();
});

/** The head and first chunk of GET /api/events (a live stream never ends), then the connection dropped. */
function firstChunkOfEvents(baseUrl: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL("/api/events", baseUrl), { headers, agent: false }, (res) => {
      res.once("data", (c: Buffer) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: c.toString("utf8") });
        req.destroy();
      });
    });
    req.setTimeout(20_000, () => req.destroy(new Error("no answer from /api/events within 20 s")));
    req.on("error", reject);
  });
}

test("GET /api/events streams to the owner only: the session's own page gets the stream, another site's fetch is refused (403)", async () => {
  for (const mode of modes) {
    const own = await firstChunkOfEvents(mode.url, { cookie: mode.cookie(), accept: "text/event-stream", "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" });
    expect(own.status, `${mode.name}: ${own.body}`).toBe(200);
    expect(own.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(own.headers["cache-control"]).toBe("no-cache, no-transform");
    expect(own.headers["x-accel-buffering"]).toBe("no");
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
    expect(own.body).toMatch(/^retry: \d+\n\n/);
    // An EventSource another site opens with credentials (SameSite=Lax sends a same-site cookie).
    for (const site of ["cross-site", "same-site"]) {
      const other = await firstChunkOfEvents(mode.url, { cookie: mode.cookie(), accept: "text/event-stream", "sec-fetch-site": site, "sec-fetch-mode": "cors", origin: EVIL });
      expect(other.status, `${mode.name}, ${site}: ${other.body}`).toBe(403);
    }
  }
});
