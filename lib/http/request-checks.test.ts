import { afterEach, describe, expect, it } from "vitest";
import { hostNameOf, isAllowedHost } from "@/lib/http/allowed-hosts";
import { crossSiteRefusal } from "@/lib/http/cross-site";
import { clientAddress, visitorHost, visitorProtocol } from "@/lib/http/forwarded";
import { resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
function withEnv(vars: Record<string, string | undefined>): void {
  process.env = { ...saved, ...vars };
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  resetEnvForTests();
}
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

const headers = (h: Record<string, string>) => new Headers(h);
const req = (method: string, h: Record<string, string>) => ({ method, headers: headers({ host: "127.0.0.1:3000", ...h }) });

describe("host names (DNS rebinding)", () => {
  it("parses Host headers, ports and IPv6 brackets included, and refuses malformed ones", () => {
    expect(hostNameOf("127.0.0.1:3000")).toBe("127.0.0.1");
    expect(hostNameOf("LocalHost")).toBe("localhost");
    expect(hostNameOf("[::1]:3000")).toBe("::1");
    expect(hostNameOf("play.example.com.")).toBe("play.example.com");
    for (const bad of ["", "a b", "evil.example@127.0.0.1", "[zz]:1", "host:port", "x/y", null]) expect(hostNameOf(bad), String(bad)).toBeNull();
  });

  it("without a password: loopback names and ALLOWED_HOSTS only", () => {
    withEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: "studio.lan", PUBLIC_URL: undefined });
    for (const ok of ["127.0.0.1:3000", "localhost:3000", "app.localhost", "[::1]:3000", "127.1.2.3", "studio.lan:3000"]) expect(isAllowedHost(ok), ok).toBe(true);
    for (const bad of ["rebind.evil.example", "127.0.0.1.nip.io", "0.0.0.0:3000", "10.0.0.5", "studio.lan.evil.example", null]) expect(isAllowedHost(bad), String(bad)).toBe(false);
  });

  it("PUBLIC_URL's host is allowed too", () => {
    withEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: "", PUBLIC_URL: "https://play.example.com" });
    expect(isAllowedHost("play.example.com")).toBe(true);
    expect(isAllowedHost("other.example.com")).toBe(false);
  });

  it("with a password: also any IP address (LAN access), still no unlisted name", () => {
    withEnv({ PLAYGROUND_PASSWORD: "pw", ALLOWED_HOSTS: "play.example.com", PUBLIC_URL: undefined });
    for (const ok of ["192.168.1.20:3000", "[fd00::5]:3000", "play.example.com", "localhost:3000"]) expect(isAllowedHost(ok), ok).toBe(true);
    for (const bad of ["anything.example", "rebind.evil.example:3000"]) expect(isAllowedHost(bad), bad).toBe(false);
  });
});

describe("forwarding headers", () => {
  it("are ignored without TRUST_PROXY: the socket address (the last hop Next wrote) and Host count", () => {
    withEnv({ TRUST_PROXY: undefined });
    const h = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.9" });
    expect(visitorHost(h)).toBe("127.0.0.1:3000");
    expect(visitorProtocol(h)).toBe("http");
    expect(clientAddress(h)).toBe("203.0.113.9");
    expect(clientAddress(headers({}))).toBe("unknown");
  });

  it("with TRUST_PROXY=N: the N-th address from the right, the forwarded host and protocol", () => {
    withEnv({ TRUST_PROXY: "1" });
    const h = headers({ host: "app:3000", "x-forwarded-host": "play.example.com", "x-forwarded-proto": "https", "x-forwarded-for": "6.6.6.6, 198.51.100.4" });
    expect(visitorHost(h)).toBe("play.example.com");
    expect(visitorProtocol(h)).toBe("https");
    expect(clientAddress(h), "the client's own forged entry is not believed").toBe("198.51.100.4");
    withEnv({ TRUST_PROXY: "2" });
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" }))).toBe("198.51.100.4");
  });
});

describe("cross-site requests", () => {
  it("allow state changes from the app's own origin", () => {
    expect(crossSiteRefusal(req("POST", { origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(crossSiteRefusal(req("DELETE", { "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("refuse other origins, other ports, 'null', and cross-site fetch metadata", () => {
    const cases: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "http://127.0.0.1:3001" },
      { origin: "http://localhost:3000" },
      { origin: "null" },
      { origin: "chrome-extension://abc" },
      { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin", cookie: "x=1", host: "127.0.0.1:3001" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "none" },
    ];
    for (const h of cases) {
      expect(crossSiteRefusal(req("POST", h)), JSON.stringify(h)).toMatch(/may not|Send an Origin/);
    }
  });

  it("lets a non-browser client without cookies through, but not one with cookies and no Origin", () => {
    expect(crossSiteRefusal(req("POST", {}))).toBeNull();
    expect(crossSiteRefusal(req("POST", { cookie: "nova_session=x" }))).toMatch(/Origin/);
  });

  it("reads: same-origin and direct loads pass; another site may only navigate", () => {
    expect(crossSiteRefusal(req("GET", {}))).toBeNull();
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "none", "sec-fetch-mode": "navigate" }))).toBeNull();
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" }))).toBeNull();
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" }))).toMatch(/may not/);
    expect(crossSiteRefusal(req("GET", { "sec-fetch-site": "same-site", "sec-fetch-mode": "cors" }))).toMatch(/may not/);
  });

  it("trusts PUBLIC_URL's origin exactly, and the forwarded host behind a trusted proxy", () => {
    withEnv({ PUBLIC_URL: "https://play.example.com", TRUST_PROXY: undefined });
    expect(crossSiteRefusal(req("POST", { origin: "https://play.example.com", host: "app:3000" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", { origin: "http://play.example.com", host: "app:3000" }))).not.toBeNull();
    withEnv({ PUBLIC_URL: undefined, TRUST_PROXY: "1" });
    expect(crossSiteRefusal(req("POST", { origin: "https://play.example.com", host: "app:3000", "x-forwarded-host": "play.example.com" }))).toBeNull();
  });
});
