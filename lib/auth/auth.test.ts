import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPublicPath, requestAllowed, safeNextPath } from "@/lib/auth/access";
import { isValidSessionValue, newSessionValue, passwordMatches, SESSION_COOKIE, sessionFromCookieHeader } from "@/lib/auth/session";
import { lockedForSeconds, MAX_FAILURES, recordFailure, recordSuccess, resetSignInLimiterForTests, WINDOW_MS } from "@/lib/auth/sign-in-limiter";
import { resetEnvForTests } from "@/lib/env";
import { forgetDataSecrets } from "@/lib/secrets/data-secret";

const saved = { ...process.env };

beforeEach(() => {
  process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nova-auth-"));
  process.env.PLAYGROUND_PASSWORD = "hunter2 but longer";
  resetEnvForTests();
  forgetDataSecrets();
  resetSignInLimiterForTests();
});

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  forgetDataSecrets();
});

describe("session values", () => {
  it("are valid for the password they were made with, until they expire", () => {
    const now = Date.now();
    const v = newSessionValue("pw", now);
    expect(isValidSessionValue(v, "pw", now + 1000)).toBe(true);
    expect(isValidSessionValue(v, "other", now + 1000), "another password").toBe(false);
    expect(isValidSessionValue(v, "pw", now + 31 * 24 * 3600 * 1000), "after 30 days").toBe(false);
  });

  it("reject tampering: a later expiry with the old signature, a cut signature, garbage", () => {
    const now = Date.now();
    const v = newSessionValue("pw", now);
    const [expires, sig] = v.split(".");
    expect(isValidSessionValue(`${Number(expires) + 1000}.${sig}`, "pw", now)).toBe(false);
    expect(isValidSessionValue(`${expires}.${sig.slice(0, 10)}`, "pw", now)).toBe(false);
    for (const bad of ["", ".", "abc", `${expires}.`, `x.${sig}`]) expect(isValidSessionValue(bad, "pw", now)).toBe(false);
  });

  it("depend on the server's secret: another data folder's sessions do not open this one", () => {
    const v = newSessionValue("pw");
    process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "nova-auth-other-"));
    resetEnvForTests();
    forgetDataSecrets();
    expect(isValidSessionValue(v, "pw")).toBe(false);
  });

  it("are read from a Cookie header among others", () => {
    expect(sessionFromCookieHeader(`a=1; ${SESSION_COOKIE}=abc.def; b=2`)).toBe("abc.def");
    expect(sessionFromCookieHeader("a=1")).toBeUndefined();
    expect(sessionFromCookieHeader(null)).toBeUndefined();
  });

  it("passwords compare exactly", () => {
    expect(passwordMatches("pw", "pw")).toBe(true);
    expect(passwordMatches("pw ", "pw")).toBe(false);
    expect(passwordMatches("", "pw")).toBe(false);
  });
});

describe("access", () => {
  it("opens shares, their images, health and sign-in; nothing else", () => {
    for (const p of ["/s/abc", "/s/abc/i/1", "/api/health", "/sign-in", "/api/session", "/_next/static/x.js"]) expect(isPublicPath(p), p).toBe(true);
    for (const p of ["/", "/gallery", "/shares", "/api/jobs", "/api/images/x/file", "/api/shares", "/api/inputs/x", "/share", "/sign-in/x"]) expect(isPublicPath(p), p).toBe(false);
  });

  it("lets a request through with a valid session cookie only (when a password is set)", () => {
    const cookie = `${SESSION_COOKIE}=${newSessionValue("hunter2 but longer")}`;
    expect(requestAllowed("/api/jobs", cookie)).toBe(true);
    expect(requestAllowed("/api/jobs", null)).toBe(false);
    expect(requestAllowed("/api/jobs", `${SESSION_COOKIE}=${newSessionValue("old password")}`)).toBe(false);
    delete process.env.PLAYGROUND_PASSWORD;
    resetEnvForTests();
    expect(requestAllowed("/api/jobs", null), "no password: open (loopback only)").toBe(true);
  });

  it("only redirects to paths on this site", () => {
    expect(safeNextPath("/gallery?x=1")).toBe("/gallery?x=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "", null, undefined, "gallery"]) expect(safeNextPath(bad)).toBe("/");
  });
});

describe("sign-in limiter", () => {
  it("locks an address after five failures for the rest of the window, and a success clears it", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordFailure("a", t0 + i);
    expect(lockedForSeconds("a", t0 + 10)).toBe(0);
    recordFailure("a", t0 + 10);
    expect(lockedForSeconds("a", t0 + 20)).toBe(Math.ceil((WINDOW_MS - 20) / 1000));
    expect(lockedForSeconds("b", t0 + 20), "another address").toBe(0);
    expect(lockedForSeconds("a", t0 + WINDOW_MS + 1), "the oldest failure has aged out").toBe(0);
    recordSuccess("a");
    expect(lockedForSeconds("a", t0 + 30)).toBe(0);
  });

  it("caps all failures together, so rotating a forged X-Forwarded-For does not help", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 30; i++) recordFailure(`addr-${i}`, t0 + i);
    expect(lockedForSeconds("fresh-address", t0 + 100)).toBeGreaterThan(0);
  });
});
