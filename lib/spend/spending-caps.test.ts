import { afterEach, beforeEach, expect, it } from "vitest";
import { readSetting, writeSetting } from "@/lib/db/settings-queries";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { setTestEnv } from "@/lib/testing/test-env";
import { forPglite } from "@/lib/testing/test-databases";
import { capsBody, readCaps, saveCaps, spendTimeZone, storedCapsUsd } from "./spending-caps";

/**
 * The caps in force are the lower of the Settings page's value and the environment's ceiling
 * (SPEND_CAP_DAY_USD / SPEND_CAP_MONTH_USD); the page can never store one above its ceiling.
 */
const NOW = new Date("2026-06-15T12:00:00Z");
const NO_CEILINGS = { SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: undefined, TZ: undefined };

forPglite("spending caps", (t) => {
  let restoreEnv = () => {};

  beforeEach(async () => {
    await emptyTables(t.db, ["settings"]);
  });
  afterEach(() => {
    restoreEnv();
  });

  const ceilings = (day?: string, month?: string) => {
    restoreEnv = setTestEnv({ ...NO_CEILINGS, SPEND_CAP_DAY_USD: day, SPEND_CAP_MONTH_USD: month });
  };

  it("without ceilings or stored caps there is no cap; stored caps alone are the caps", async () => {
    ceilings();
    expect(await readCaps(t.db)).toEqual({
      caps: { dayMicros: null, monthMicros: null },
      stored: { dayMicros: null, monthMicros: null },
      ceilings: { dayMicros: null, monthMicros: null },
    });
    const saved = await saveCaps(t.db, { dayUsd: 2.5, monthUsd: null }, NOW);
    expect(saved.caps).toEqual({ dayMicros: 2_500_000, monthMicros: null });
    expect(storedCapsUsd(saved.stored)).toEqual({ dayUsd: 2.5, monthUsd: null });
    expect(await readSetting(t.db, "spend_caps")).toEqual({ dayMicros: 2_500_000, monthMicros: null });
  });

  it("takes the lower of the stored cap and the ceiling; no stored cap means the ceiling", async () => {
    ceilings("5", "40.5");
    expect((await readCaps(t.db)).caps).toEqual({ dayMicros: 5_000_000, monthMicros: 40_500_000 });
    await saveCaps(t.db, { dayUsd: 1.25, monthUsd: null }, NOW);
    expect(await readCaps(t.db)).toEqual({
      caps: { dayMicros: 1_250_000, monthMicros: 40_500_000 },
      stored: { dayMicros: 1_250_000, monthMicros: null },
      ceilings: { dayMicros: 5_000_000, monthMicros: 40_500_000 },
    });
    // A cap equal to the ceiling is allowed, and 0 is a cap (nothing may be spent).
    await saveCaps(t.db, { dayUsd: 0, monthUsd: 40.5 }, NOW);
    expect((await readCaps(t.db)).caps).toEqual({ dayMicros: 0, monthMicros: 40_500_000 });
  });

  it("a ceiling lowered after a cap was stored wins over the stored cap", async () => {
    ceilings();
    await saveCaps(t.db, { dayUsd: 20, monthUsd: 300 }, NOW);
    restoreEnv();
    ceilings("3", undefined);
    expect(await readCaps(t.db)).toMatchObject({
      caps: { dayMicros: 3_000_000, monthMicros: 300_000_000 },
      stored: { dayMicros: 20_000_000, monthMicros: 300_000_000 },
    });
  });

  it("refuses a cap above its ceiling, naming the field, the ceiling and the variable, and stores nothing", async () => {
    ceilings("5", "100");
    await saveCaps(t.db, { dayUsd: 4, monthUsd: 50 }, NOW);
    const e = await saveCaps(t.db, { dayUsd: 5.01, monthUsd: 100.000001 }, NOW).catch((err: unknown) => err);
    expect(e).toMatchObject({
      code: "validation_failed",
      status: 422,
      fields: [
        { field: "dayUsd", message: "dayUsd must be at most $5.00, the ceiling this server's SPEND_CAP_DAY_USD sets" },
        { field: "monthUsd", message: "monthUsd must be at most $100.00, the ceiling this server's SPEND_CAP_MONTH_USD sets" },
      ],
    });
    await expect(saveCaps(t.db, { dayUsd: 1, monthUsd: 101 }, NOW)).rejects.toMatchObject({
      fields: [{ field: "monthUsd", message: expect.stringContaining("SPEND_CAP_MONTH_USD") }],
    });
    expect((await readCaps(t.db)).stored).toEqual({ dayMicros: 4_000_000, monthMicros: 50_000_000 });
    // "No cap" on the page is not above a ceiling: it means the ceiling.
    expect((await saveCaps(t.db, { dayUsd: null, monthUsd: null }, NOW)).caps).toEqual({ dayMicros: 5_000_000, monthMicros: 100_000_000 });
  });

  it("ignores a stored value of the wrong shape (no cap from it)", async () => {
    ceilings(undefined, "10");
    await writeSetting(t.db, "spend_caps", { dayMicros: "lots" }, NOW);
    expect(await readCaps(t.db)).toMatchObject({ caps: { dayMicros: null, monthMicros: 10_000_000 }, stored: { dayMicros: null, monthMicros: null } });
  });

  it("a bad ceiling in the environment names the variable", async () => {
    ceilings("lots", undefined);
    await expect(readCaps(t.db)).rejects.toThrow(/SPEND_CAP_DAY_USD: "lots" is not an amount in US dollars/);
  });

  it("the request body: dollars or null per field, nothing else", () => {
    expect(capsBody.safeParse({ dayUsd: 1.5, monthUsd: null }).success).toBe(true);
    const bad = capsBody.safeParse({ dayUsd: -1, monthUsd: "5", weekUsd: 3 });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain("dayUsd must be at least 0");
    expect(messages).toContain("monthUsd must be an amount in US dollars, or null for no cap");
    expect(capsBody.safeParse({ dayUsd: 2_000_000, monthUsd: null }).error?.issues[0].message).toBe("dayUsd must be at most 1000000 US dollars");
  });

  it("counts in TZ when it is set", () => {
    restoreEnv = setTestEnv({ ...NO_CEILINGS, TZ: "Pacific/Auckland" });
    expect(spendTimeZone()).toBe("Pacific/Auckland");
  });
});

