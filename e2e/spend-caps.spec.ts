import { expect, test, type Response } from "@playwright/test";
import type { ApiBudget } from "../lib/api-types";
import { PlaygroundPage } from "./pages/playground-page";
import { SettingsPage } from "./pages/settings-page";
import { waitForJobStatus, type ApiJob } from "./support/api";
import { E2E, WAIT } from "./support/env";
import { runOwnServerForFile } from "./support/own-server";
import { unique } from "./support/runs";

/**
 * Acceptance (issue 11): a daily spending cap set on the Settings page. One $0.12 run fits a
 * $0.20 cap, the second does not: the page says so beside the estimate before Run, and the run
 * bar shows the server's 402 naming the cap and what is left, with the way to Settings. Raising
 * the cap there lets the next run through. On a server of its own, with no cap from the
 * environment (SPEND_CAP_DAY_USD unset), so the page alone decides.
 */
const PORT = E2E.ports.ownServers[6];
const { url: BASE } = runOwnServerForFile(PORT, "spend-caps", {
  SPEND_CAP_DAY_USD: "",
  SPEND_CAP_MONTH_USD: "",
  ENGINE_LATENCY_MS: "300-600",
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isJobPost = (r: Response) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/jobs";

test("a daily cap: one run fits, the next is refused at Run with the cap and what is left, a raised cap lets it through", async ({ page, request }) => {
  test.setTimeout(180_000);
  const settings = new SettingsPage(page);
  const playground = new PlaygroundPage(page);

  // Nothing spent yet, no cap: the page says so; then a daily cap that fits one $0.12 run.
  await settings.goto();
  await expect(settings.dailyCap).toHaveValue("");
  await expect(settings.dayCap).toHaveText("No cap");
  await expect(settings.requestsUsed).toContainText(/^\d+ of 50 requests used this minute/);
  await expect(settings.timeZoneNote).toContainText("server's time zone");
  await settings.saveDailyCap("0.20");
  await expect(settings.dayCap).toHaveText("$0.20");
  await expect(settings.dayLeft).toHaveText("$0.20");

  // The first run: the estimate fits what is left, and it completes.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Playground" }).click();
  await playground.waitUntilReady();
  await playground.prompt.fill(`e2e spend cap lantern ${unique()}`);
  await expect(playground.costEstimate).toContainText("1 × $0.12 = $0.12");
  await expect(playground.spendLeft).toHaveText("· $0.20 left today");
  await expect(playground.overCapWarning).toHaveCount(0);
  const first = await playground.run("button");
  await waitForJobStatus(request, first.id, ["completed"]);
  await expect(playground.jobCard(first.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });

  // $0.08 is left: the page says the next run does not fit before Run is pressed...
  await expect(playground.spendLeft).toHaveText("· $0.08 left today");
  await expect(playground.overCapWarning).toContainText("This run may cost up to $0.12, more than the $0.08 left of the daily cap of $0.20");
  // ...and the server refuses it (402), the run bar showing its message and the way to Settings.
  const refused = page.waitForResponse(isJobPost);
  await playground.runButton.click();
  expect((await refused).status()).toBe(402);
  const alert = playground.submitError;
  await expect(alert).toHaveRole("alert");
  await expect(alert).toContainText("This run needs up to $0.12, but the daily spending cap is $0.20: $0.12 is spent today");
  await expect(alert).toContainText("so $0.08 is left. Raise the cap in Settings");
  await expect(playground.jobCards).toHaveCount(1);

  // Settings: raise the cap; what is left follows.
  await alert.getByRole("link", { name: "Open Settings" }).click();
  await settings.waitUntilReady();
  await expect(settings.dailyCap).toHaveValue("0.20");
  await expect(settings.daySpent).toHaveText("$0.12");
  await settings.saveDailyCap("1");
  await expect(settings.dayLeft).toHaveText("$0.88");

  // Back in the playground the run fits again, and goes through.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Playground" }).click();
  await playground.waitUntilReady();
  await expect(playground.spendLeft).toHaveText("· $0.88 left today");
  await expect(playground.overCapWarning).toHaveCount(0);
  await expect(playground.submitError).toHaveCount(0);
  const second = await playground.run("button");
  await waitForJobStatus(request, second.id, ["completed"]);
  await expect(playground.jobCard(second.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.spendLeft).toHaveText("· $0.76 left today");

  const budget = (await (await request.get("/api/budget")).json()) as ApiBudget;
  expect(budget.spend.day).toMatchObject({ capUsd: 1, spentUsd: 0.24, reservedUsd: 0, leftUsd: 0.76 });
});

test("every Run press sends its own Idempotency-Key, and the key makes a repeated request a replay", async ({ page, request }) => {
  // No cap, whatever the test before left behind.
  const reset = await request.put("/api/settings/caps", { data: { dayUsd: null, monthUsd: null }, headers: { origin: BASE } });
  expect(reset.status()).toBe(200);
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.prompt.fill(`e2e idempotent heron ${unique()}`);
  const keys: string[] = [];
  for (let i = 0; i < 2; i++) {
    const posted = page.waitForResponse(isJobPost);
    await playground.runButton.click();
    const res = await posted;
    expect(res.status()).toBe(201);
    keys.push(res.request().headers()["idempotency-key"] ?? "");
    await expect(playground.jobCard(((await res.json()) as ApiJob).id)).toBeVisible();
  }
  expect(keys[0]).toMatch(UUID);
  expect(keys[1]).toMatch(UUID);
  expect(keys[1]).not.toBe(keys[0]);

  // The same key and body again (what a retry of a press sends): the same run, nothing new.
  const body = { prompt: `e2e replayed ${unique()}`, seed: 7 };
  const headers = { origin: BASE, "idempotency-key": keys[0] + "-api" };
  const made = await request.post("/api/jobs", { data: body, headers });
  expect(made.status()).toBe(201);
  const again = await request.post("/api/jobs", { data: body, headers });
  expect(again.status()).toBe(200);
  expect(((await again.json()) as ApiJob).id).toBe(((await made.json()) as ApiJob).id);
});
