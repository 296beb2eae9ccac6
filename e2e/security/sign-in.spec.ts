import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E, WAIT } from "../support/env";
import { rawRequest } from "./support/raw-http";
import { cookiesOf, postSessionForm, signIn } from "./support/session";

/**
 * Issue 9, findings 5 (open redirect), 6 (sign-in lockout) and 7 (sessions), replayed against the
 * password server and, for the limiter (whose state would spill into other specs), servers of
 * this spec's own: one without a proxy, one with TRUST_PROXY=1.
 */
const URL = E2E.passwordUrl;

test.describe("redirects after sign-in stay on the site", () => {
  const disguised = ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "/\n/x", "/%09/evil.example"];

  test("the sign-in page keeps only a same-site path (and a newline in it is a 200, not a 500)", async () => {
    for (const next of disguised) {
      const res = await rawRequest(URL, `/sign-in?next=${encodeURIComponent(next)}`);
      expect(res.status, next).toBe(200);
      const hidden = /<input type="hidden" name="next" value="([^"]*)"/.exec(res.body)?.[1];
      expect(hidden, next).toMatch(/^\/(?!\/)/);
      expect(res.body).not.toContain('value="//');
    }
  });

  test("before and after a correct password the Location is this site's own path", async () => {
    // The wrong passwords below are sent from a browser that signed in before (its device cookie),
    // so they count against it, not against 127.0.0.1, which every spec signs in from.
    const device = (await signIn(URL, E2E.password)).split("; ").find((c) => c.startsWith("nova_device="))!;
    for (const next of disguised) {
      const wrong = await postSessionForm(URL, { password: "wrong", next }, { cookie: device });
      expect(wrong.headers.location, next).toMatch(/^\/sign-in\?error=password&next=%2F/);
      const right = await postSessionForm(URL, { password: E2E.password, next }, { cookie: device });
      expect(right.status).toBe(303);
      const location = right.headers.location!;
      expect(new globalThis.URL(location, URL).origin, `${JSON.stringify(next)} → ${location}`).toBe(URL);
      expect(location).toMatch(/^\/(?![/\\])/);
    }
    const ok = await postSessionForm(URL, { password: E2E.password, next: "/gallery?q=heron" });
    expect(ok.headers.location).toBe("/gallery?q=heron");
  });
});

test.describe("sessions end on the server", () => {
  test("a signed-out cookie gets 401, even replayed; other browsers stay signed in", async () => {
    const a = await signIn(URL, E2E.password);
    const b = await signIn(URL, E2E.password);
    expect((await rawRequest(URL, "/api/spend", { headers: { cookie: a } })).status).toBe(200);
    const out = await postSessionForm(URL, { action: "sign-out" }, { cookie: a });
    expect(out.headers.location).toBe("/sign-in?signed-out=1");
    const replay = await rawRequest(URL, "/api/spend", { headers: { cookie: a } });
    expect(replay.status, "the old cookie, sent again after sign-out").toBe(401);
    const page = await rawRequest(URL, "/gallery", { headers: { cookie: a } });
    expect([page.status, page.headers.location], "a page with it goes back to sign-in").toEqual([307, "/sign-in?expired=1"]);
    expect((await rawRequest(URL, "/api/spend", { headers: { cookie: b } })).status, "another browser").toBe(200);
  });

  test("sign out everywhere ends every session", async () => {
    const a = await signIn(URL, E2E.password);
    const b = await signIn(URL, E2E.password);
    const out = await postSessionForm(URL, { action: "sign-out-everywhere" }, { cookie: b });
    expect(out.status).toBe(303);
    for (const cookie of [a, b]) expect((await rawRequest(URL, "/api/spend", { headers: { cookie } })).status).toBe(401);
  });

  test("signing out everywhere needs a live session: a visitor cannot sign the owner out", async () => {
    const owner = await signIn(URL, E2E.password);
    await postSessionForm(URL, { action: "sign-out-everywhere" });
    expect((await rawRequest(URL, "/api/spend", { headers: { cookie: owner } })).status).toBe(200);
  });
});

test.describe("the sign-in limiter slows guessing without locking the owner out", () => {
  const servers: AppServer[] = [];
  const dirs: string[] = [];
  test.afterAll(async () => {
    for (const s of servers) await s.kill();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function start(port: number, extra: Record<string, string>): Promise<AppServer> {
    const dir = mkdtempSync(path.join(tmpdir(), "nova-e2e-limiter-"));
    dirs.push(dir);
    const server = await startAppServer({
      port,
      env: { DATA_DIR: dir, PLAYGROUND_PASSWORD: E2E.password, EMPIRIOLABS_API_KEY: "", DATABASE_URL: "", LOG_LEVEL: "warn", ...extra },
      timeoutMs: WAIT.serverStart,
    });
    servers.push(server);
    return server;
  }

  const wrong = (url: string, i: number, headers: Record<string, string> = {}) => postSessionForm(url, { password: `guess ${i}`, next: "/" }, headers);

  test("without a proxy, a forged X-Forwarded-For changes nothing; the owner's browser still signs in", async () => {
    test.setTimeout(WAIT.serverStart + 60_000);
    const server = await start(E2E.ports.ownServers[2], {});
    // The owner signed in on this browser before: it holds a device cookie.
    const owner = await signIn(server.url, E2E.password);
    const device = owner.split("; ").find((c) => c.startsWith("nova_device="))!;
    expect(device).toBeTruthy();

    for (let i = 0; i < 30; i++) {
      const res = await wrong(server.url, i, { "x-forwarded-for": `198.51.100.${i}` });
      expect(res.headers.location, `guess ${i}`).toContain(i < 5 ? "error=password" : "error=rate");
    }
    const locked = await postSessionForm(server.url, { password: E2E.password, next: "/" }, { "x-forwarded-for": "203.0.113.250" });
    expect(locked.headers.location, "the guessers' address stays locked, forged header or not").toContain("error=rate");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(60);
    expect(cookiesOf(locked)).not.toContain("nova_session=");

    const back = await postSessionForm(server.url, { password: E2E.password, next: "/" }, { cookie: device });
    expect(back.headers.location, "the owner's browser, same address").toBe("/");
    expect(cookiesOf(back)).toContain("nova_session=");
  });

  test("behind a proxy (TRUST_PROXY=1): 30 wrong guesses from rotating addresses, then the owner signs in from a new one", async () => {
    test.setTimeout(WAIT.serverStart + 60_000);
    const server = await start(E2E.ports.ownServers[3], { TRUST_PROXY: "1" });
    for (let i = 0; i < 40; i++) {
      // The proxy appends the address it saw; what the client wrote before it is not believed.
      await wrong(server.url, i, { "x-forwarded-for": `10.9.9.9, 198.51.100.${i % 20}` });
    }
    const bot = await wrong(server.url, 99, { "x-forwarded-for": "198.51.100.1" });
    expect(bot.headers.location, "under attack, an address that already failed waits").toContain("error=rate");
    const owner = await postSessionForm(server.url, { password: E2E.password, next: "/" }, { "x-forwarded-for": "203.0.113.7" });
    expect(owner.headers.location, "no global lock: the owner signs in").toBe("/");
    expect(cookiesOf(owner)).toContain("nova_session=");
  });
});
