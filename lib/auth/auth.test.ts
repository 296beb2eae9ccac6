import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPublicPath, pageAccessAllowed, safeNextPath } from "@/lib/auth/access";
import { newDeviceValue, verifyDeviceValue } from "@/lib/auth/device-cookie";
import { newSessionValue, passwordMatches, SESSION_COOKIE, sessionFromCookieHeader, verifySessionValue } from "@/lib/auth/session";
import { lockedForSeconds, MAX_FAILURES, recordFailure, recordSuccess, resetSignInLimiterForTests, UNDER_ATTACK_AFTER, WINDOW_MS } from "@/lib/auth/sign-in-limiter";
import { resetEnvForTests } from "@/lib/env";
import { forgetServerKeys, setServerKeysForTests } from "@/lib/keys/server-keys";

const saved = { ...process.env };

beforeEach(() => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nova-auth-"));
  process.env.PLAYGROUND_PASSWORD = "hunter2 but longer";
  resetEnvForTests();
  setServerKeysForTests();
  resetSignInLimiterForTests();
});

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  forgetServerKeys();
});

describe("session cookie values", () => {
  it("carry an id and an expiry, valid for the password they were made with until they expire", () => {
    const now = Date.now();
    const { value, claims } = newSessionValue("pw", now);
    expect(verifySessionValue(value, "pw", now + 1000)).toEqual(claims);
    expect(claims.expiresAt).toBe(now + 30 * 24 * 3600 * 1000);
    expect(verifySessionValue(value, "other", now + 1000), "another password").toBeNull();
    expect(verifySessionValue(value, "pw", now + 31 * 24 * 3600 * 1000), "after 30 days").toBeNull();
    expect(newSessionValue("pw", now).claims.id, "every session its own id").not.toBe(claims.id);
  });

  it("reject tampering: a later expiry or another id with the old signature, a cut signature, garbage", () => {
    const now = Date.now();
    const { value } = newSessionValue("pw", now);
    const [id, expires, sig] = value.split(".");
    const otherId = newSessionValue("pw", now).claims.id;
    for (const bad of [`${id}.${Number(expires) + 1000}.${sig}`, `${otherId}.${expires}.${sig}`, `${id}.${expires}.${sig.slice(0, 20)}`, "", ".", "a.b.c", `${id}.${expires}.`]) {
      expect(verifySessionValue(bad, "pw", now), bad).toBeNull();
    }
  });

  it("depend on the server's key: another install's sessions do not open this one", () => {
    const { value } = newSessionValue("pw");
    setServerKeysForTests();
    expect(verifySessionValue(value, "pw")).toBeNull();
  });

  it("are read from a Cookie header among others", () => {
    expect(sessionFromCookieHeader(`a=1; ${SESSION_COOKIE}=abc.def; b=2`)).toBe("abc.def");
    expect(sessionFromCookieHeader("a=1; nova_device=x.y", "nova_device")).toBe("x.y");
    expect(sessionFromCookieHeader("a=1")).toBeUndefined();
    expect(sessionFromCookieHeader(null)).toBeUndefined();
  });

  it("passwords compare exactly", () => {
    expect(passwordMatches("pw", "pw")).toBe(true);
    expect(passwordMatches("pw ", "pw")).toBe(false);
    expect(passwordMatches("", "pw")).toBe(false);
  });
});

describe("device cookie values", () => {
  it("verify when made here, not when forged or made with another secret", () => {
    const value = newDeviceValue();
    expect(verifyDeviceValue(value)).toBe(value.split(".")[0]);
    expect(verifyDeviceValue(`${value.split(".")[0]}.${"A".repeat(43)}`)).toBeNull();
    expect(verifyDeviceValue("garbage")).toBeNull();
    expect(verifyDeviceValue(undefined)).toBeNull();
    setServerKeysForTests();
    expect(verifyDeviceValue(value)).toBeNull();
  });
});

describe("access", () => {
  it("opens shares, their images, health and sign-in; nothing else", () => {
    for (const p of ["/s/abc", "/s/abc/i/1", "/api/health", "/api/ready", "/sign-in", "/api/session", "/_next/static/x.js"]) expect(isPublicPath(p), p).toBe(true);
    for (const p of ["/", "/gallery", "/shares", "/api/jobs", "/api/images/x/file", "/api/shares", "/api/inputs/x", "/share", "/sign-in/x"]) expect(isPublicPath(p), p).toBe(false);
  });

  it("lets a page through with a correctly signed session cookie only (when a password is set)", async () => {
    const cookie = `${SESSION_COOKIE}=${newSessionValue("hunter2 but longer").value}`;
    expect(await pageAccessAllowed("/gallery", cookie)).toBe(true);
    expect(await pageAccessAllowed("/gallery", null)).toBe(false);
    expect(await pageAccessAllowed("/gallery", `${SESSION_COOKIE}=${newSessionValue("old password").value}`)).toBe(false);
    delete process.env.PLAYGROUND_PASSWORD;
    resetEnvForTests();
    expect(await pageAccessAllowed("/gallery", null), "no password: open (loopback only)").toBe(true);
  });

  it("redirects after sign-in only to paths on this site, however the path is disguised", () => {
    expect(safeNextPath("/gallery?x=1")).toBe("/gallery?x=1");
    expect(safeNextPath("/s/abc#top")).toBe("/s/abc#top");
    expect(safeNextPath("/a b")).toBe("/a%20b");
    const attacks = [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "/\t/evil.example", // browsers drop tabs: "//evil.example"
      "/\n/evil.example",
      "/\r\n/x",
      "/%09/evil.example".replace("%09", "\t"),
      "\\/evil.example",
      "/\u0000x",
      "",
      "gallery",
      "javascript:alert(1)",
      "/" + "a".repeat(3000),
    ];
    for (const bad of [...attacks, null, undefined]) expect(safeNextPath(bad), JSON.stringify(bad)).toBe("/");
  });
});

describe("sign-in limiter", () => {
  const at = (address: string, device?: string) => ({ address, device });

  it("locks an address after five failures for the rest of the window, and a success clears it", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure(at("a"), t0 + i);
    expect(lockedForSeconds(at("a"), t0 + 10)).toBe(0);
    recordFailure(at("a"), t0 + 10);
    expect(lockedForSeconds(at("a"), t0 + 20)).toBe(Math.ceil((WINDOW_MS - 20) / 1000));
    expect(lockedForSeconds(at("b"), t0 + 20), "another address").toBe(0);
    expect(lockedForSeconds(at("a"), t0 + WINDOW_MS + 1), "the oldest failure has aged out").toBe(0);
    recordSuccess(at("a"));
    expect(lockedForSeconds(at("a"), t0 + 30)).toBe(0);
  });

  it("under attack from many addresses, each address gets two failures per window, and a fresh one still passes", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < UNDER_ATTACK_AFTER; i++) recordFailure(at(`bot-${i % 15}`), t0 + i);
    expect(lockedForSeconds(at("bot-0"), t0 + 100), "two failures are enough now").toBeGreaterThan(0);
    expect(lockedForSeconds(at("the owner's address"), t0 + 100), "no global lock").toBe(0);
    recordFailure(at("the owner's address"), t0 + 200);
    expect(lockedForSeconds(at("the owner's address"), t0 + 300), "one typo does not lock the owner out").toBe(0);
  });

  it("counts a browser that signed in before by its device cookie, not its address", () => {
    const t0 = 9_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(at("shared-nat"), t0 + i);
    expect(lockedForSeconds(at("shared-nat"), t0 + 10)).toBeGreaterThan(0);
    expect(lockedForSeconds(at("shared-nat", "owner-device"), t0 + 10), "the owner on the same network").toBe(0);
    for (let i = 0; i < MAX_FAILURES; i++) recordFailure(at("shared-nat", "owner-device"), t0 + 20 + i);
    expect(lockedForSeconds(at("elsewhere", "owner-device"), t0 + 30), "a device has its own five").toBeGreaterThan(0);
  });
});
