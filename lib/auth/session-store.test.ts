import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { endAllSessions, endSession, hasLiveSession, startSession } from "@/lib/auth/session-store";
import { newSessionValue, SESSION_COOKIE } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { forEachDialect } from "@/lib/testing/test-databases";

const holder: { db?: Db } = {};
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<object>()), getDb: async () => holder.db }));

withTempDataDir("sessions");
const saved = process.env.PLAYGROUND_PASSWORD;
beforeAll(() => {
  process.env.PLAYGROUND_PASSWORD = "correct horse";
  resetEnvForTests();
});
afterAll(() => {
  if (saved === undefined) delete process.env.PLAYGROUND_PASSWORD;
  else process.env.PLAYGROUND_PASSWORD = saved;
  resetEnvForTests();
});

const cookie = (value: string) => `other=1; ${SESSION_COOKIE}=${value}`;

forEachDialect("sessions", (t) => {
  beforeAll(() => {
    holder.db = t.db;
  });

  it("a started session is live until it is ended; ending it again is harmless", async () => {
    const { value } = await startSession("correct horse");
    expect(await hasLiveSession(cookie(value))).toBe(true);
    await endSession(cookie(value));
    expect(await hasLiveSession(cookie(value)), "the same cookie after sign-out").toBe(false);
    await endSession(cookie(value));
  });

  it("a correctly signed cookie whose session was never stored is not live", async () => {
    expect(await hasLiveSession(cookie(newSessionValue("correct horse").value))).toBe(false);
  });

  it("signing out everywhere ends every session", async () => {
    const a = await startSession("correct horse");
    const b = await startSession("correct horse");
    expect(await endAllSessions()).toBeGreaterThanOrEqual(2);
    expect(await hasLiveSession(cookie(a.value))).toBe(false);
    expect(await hasLiveSession(cookie(b.value))).toBe(false);
  });

  it("a password change ends every session", async () => {
    const { value } = await startSession("correct horse");
    process.env.PLAYGROUND_PASSWORD = "new password";
    resetEnvForTests();
    try {
      expect(await hasLiveSession(cookie(value))).toBe(false);
    } finally {
      process.env.PLAYGROUND_PASSWORD = "correct horse";
      resetEnvForTests();
    }
  });

  it("no cookie, garbage, or no password set: not live", async () => {
    expect(await hasLiveSession(null)).toBe(false);
    expect(await hasLiveSession(cookie("x.y.z"))).toBe(false);
  });
});
