import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchPublicUrl, type PublicFetchOptions } from "@/lib/net/fetch-public-url";
import type { ResolveHost } from "@/lib/net/pinned-lookup";
import { freePort } from "@/lib/testing/free-port";

/**
 * The machine has no internet, so "public" is played by 127.0.0.1 (the only address the test
 * classifier allows) and "private" by 127.0.0.2; DNS is a table. The private server counts
 * every request, so a test can prove nothing ever connected to it.
 */
const IMAGE = Buffer.from("\x89PNG\r\n\x1a\n pretend this is a picture");

let pub: Server;
let priv: Server;
let pubPort: number;
let privPort: number;
let pubHits: string[] = [];
let privHits = 0;
/** Whether the client hung up on /endless (it must, once past the size limit). */
let endlessClosed: Promise<void>;

function publicRoutes(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  pubHits.push(url.pathname);
  const to = url.searchParams.get("to");
  switch (url.pathname) {
    case "/ok.png":
      res.writeHead(200, { "content-type": "image/png" }).end(IMAGE);
      return;
    case "/redirect":
      res.writeHead(Number(url.searchParams.get("status") ?? 302), to ? { location: to } : {}).end();
      return;
    case "/loop":
      res.writeHead(302, { location: "/loop" }).end();
      return;
    case "/missing.png":
      res.writeHead(404).end("not here");
      return;
    case "/empty.png":
      res.writeHead(200).end();
      return;
    case "/declared-huge.png":
      res.writeHead(200, { "content-length": String(10_000_000) }).write(IMAGE);
      return;
    case "/endless.png": {
      // Chunked, no length: only counting the bytes can stop it.
      res.writeHead(200, { "content-type": "image/png" });
      const chunk = Buffer.alloc(16 * 1024, 1);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on("drain", pump);
      endlessClosed = new Promise((resolve) => res.on("close", resolve));
      pump();
      return;
    }
    case "/drip.png": {
      // Headers at once, then a byte now and then: the deadline must cover the body too.
      res.writeHead(200, { "content-type": "image/png" });
      const timer = setInterval(() => res.write("x"), 20);
      res.on("close", () => clearInterval(timer));
      return;
    }
    case "/silent.png":
      return; // never answers
    default:
      res.writeHead(404).end();
  }
}

const listen = (server: Server, host: string) =>
  new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  pub = createServer(publicRoutes);
  priv = createServer((_req, res) => {
    privHits++;
    res.writeHead(200, { "content-type": "image/png" }).end(IMAGE);
  });
  pubPort = await listen(pub, "127.0.0.1");
  privPort = await listen(priv, "127.0.0.2");
});
afterAll(async () => {
  for (const server of [pub, priv]) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
beforeEach(() => {
  pubHits = [];
  privHits = 0;
});

const DNS: Record<string, string[]> = {
  "images.test": ["127.0.0.1"],
  "private.test": ["127.0.0.2"],
  "mixed.test": ["127.0.0.1", "127.0.0.2"],
};
let lookups: string[] = [];
const tableDns: ResolveHost = async (hostname) => {
  lookups.push(hostname);
  const found = DNS[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found.map((address) => ({ address, family: 4 }));
};
beforeEach(() => {
  lookups = [];
});

const options = (extra: Partial<PublicFetchOptions> = {}): PublicFetchOptions => ({
  timeoutMs: 5000,
  maxBytes: 64 * 1024,
  isAllowedAddress: (ip) => ip === "127.0.0.1",
  resolve: tableDns,
  ...extra,
});
const pubUrl = (path: string, host = "127.0.0.1") => `http://${host}:${pubPort}${path}`;
const privUrl = (path: string, host = "127.0.0.2") => `http://${host}:${privPort}${path}`;
const via = (to: string, status = 302) => pubUrl(`/redirect?status=${status}&to=${encodeURIComponent(to)}`);

describe("fetchPublicUrl: allowed addresses", () => {
  it("fetches from an allowed IP literal and from a name, connecting to the address it checked", async () => {
    expect(await fetchPublicUrl(pubUrl("/ok.png"), options())).toEqual({ ok: true, bytes: IMAGE });
    // The system cannot resolve images.test: the connection can only have used the checked address.
    expect(await fetchPublicUrl(pubUrl("/ok.png", "images.test"), options())).toEqual({ ok: true, bytes: IMAGE });
    expect(lookups).toEqual(["images.test"]);
  });

  it("follows absolute and relative redirects of every kind, re-resolving each hop once", async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      expect(await fetchPublicUrl(via(pubUrl("/ok.png", "images.test"), status), options()), `HTTP ${status}`).toMatchObject({ ok: true });
    }
    expect(await fetchPublicUrl(via("/ok.png"), options())).toMatchObject({ ok: true });
    expect(lookups).toEqual(Array(5).fill("images.test"));
  });
});

describe("fetchPublicUrl: addresses that are not allowed are never connected to", () => {
  it("refuses an IP literal, a name that resolves to one, and a mixed DNS answer", async () => {
    expect(await fetchPublicUrl(privUrl("/a.png"), options())).toEqual({ ok: false, reason: "not_allowed" });
    expect(await fetchPublicUrl(privUrl("/a.png", "private.test"), options())).toEqual({ ok: false, reason: "not_allowed" });
    // One bad address refuses the host, even when an allowed one comes first.
    expect(await fetchPublicUrl(pubUrl("/ok.png", "mixed.test"), options())).toEqual({ ok: false, reason: "not_allowed" });
    expect(privHits).toBe(0);
    expect(pubHits).toEqual([]);
  });

  it("refuses a redirect to a private IP literal or to a name that resolves to one", async () => {
    expect(await fetchPublicUrl(via(privUrl("/a.png")), options())).toEqual({ ok: false, reason: "not_allowed" });
    expect(await fetchPublicUrl(via(privUrl("/a.png", "private.test")), options())).toEqual({ ok: false, reason: "not_allowed" });
    expect(privHits).toBe(0);
  });

  it("checks the DNS answer of every hop: a host that rebinds between two hops is refused on the second", async () => {
    let answers = 0;
    const rebinding: ResolveHost = async () => [{ address: answers++ === 0 ? "127.0.0.1" : "127.0.0.2", family: 4 }];
    const start = `http://rebind.test:${pubPort}/redirect?to=${encodeURIComponent(`http://rebind.test:${privPort}/a.png`)}`;
    expect(await fetchPublicUrl(start, options({ resolve: rebinding }))).toEqual({ ok: false, reason: "not_allowed" });
    expect(answers).toBe(2);
    expect(pubHits).toEqual(["/redirect"]);
    expect(privHits).toBe(0);
  });

  it("by default allows public addresses only: loopback by literal or by name is refused", async () => {
    const defaults = { timeoutMs: 5000, maxBytes: 64 * 1024 };
    for (const url of [pubUrl("/ok.png"), pubUrl("/ok.png", "localhost"), pubUrl("/ok.png", "[::ffff:127.0.0.1]"), pubUrl("/ok.png", "2130706433")]) {
      expect(await fetchPublicUrl(url, defaults), url).toEqual({ ok: false, reason: "not_allowed" });
    }
    expect(pubHits).toEqual([]);
  });
});

describe("fetchPublicUrl: limits and failures", () => {
  it("stops after maxRedirects", async () => {
    expect(await fetchPublicUrl(pubUrl("/loop"), options({ maxRedirects: 3 }))).toEqual({ ok: false, reason: "too_many_redirects" });
    expect(pubHits).toEqual(Array(4).fill("/loop"));
  });

  it("refuses URLs and redirects that are not http(s)", async () => {
    for (const url of ["ftp://images.test/a.png", "file:///etc/passwd", "not a url", "gopher://127.0.0.1:70/"]) {
      expect(await fetchPublicUrl(url, options()), url).toEqual({ ok: false, reason: "invalid_url" });
    }
    for (const to of ["file:///etc/passwd", "ftp://images.test/a.png", "http://[not-an-address/"]) {
      expect(await fetchPublicUrl(via(to), options()), to).toEqual({ ok: false, reason: "invalid_url" });
    }
  });

  it("reports answers other than 2xx and a redirect without a Location", async () => {
    expect(await fetchPublicUrl(pubUrl("/missing.png"), options())).toEqual({ ok: false, reason: "http_status" });
    expect(await fetchPublicUrl(pubUrl("/redirect"), options())).toEqual({ ok: false, reason: "http_status" });
  });

  it("refuses a body larger than maxBytes, declared or counted, and hangs up on an endless one", async () => {
    expect(await fetchPublicUrl(pubUrl("/declared-huge.png"), options())).toEqual({ ok: false, reason: "too_large" });
    expect(await fetchPublicUrl(pubUrl("/endless.png"), options())).toEqual({ ok: false, reason: "too_large" });
    await endlessClosed;
    expect(await fetchPublicUrl(pubUrl("/ok.png"), options({ maxBytes: IMAGE.length - 1 }))).toEqual({ ok: false, reason: "too_large" });
    expect(await fetchPublicUrl(pubUrl("/ok.png"), options({ maxBytes: IMAGE.length }))).toMatchObject({ ok: true });
  });

  it("has one deadline for the whole fetch: a silent server and a body that never ends both time out", async () => {
    expect(await fetchPublicUrl(pubUrl("/silent.png"), options({ timeoutMs: 200 }))).toEqual({ ok: false, reason: "timeout" });
    expect(await fetchPublicUrl(pubUrl("/drip.png"), options({ timeoutMs: 200 }))).toEqual({ ok: false, reason: "timeout" });
  });

  it("reports an unknown host, a closed port and an empty body", async () => {
    expect(await fetchPublicUrl(pubUrl("/a.png", "nowhere.test"), options())).toEqual({ ok: false, reason: "unreachable" });
    expect(await fetchPublicUrl(`http://127.0.0.1:${await freePort()}/a.png`, options())).toEqual({ ok: false, reason: "unreachable" });
    expect(await fetchPublicUrl(pubUrl("/empty.png"), options())).toEqual({ ok: false, reason: "empty" });
  });
});
