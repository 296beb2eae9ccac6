import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ApiBudget } from "../lib/api-types";
import { ordinal } from "../lib/display/budget-text";
import { GalleryPage } from "./pages/gallery-page";
import { PlaygroundPage } from "./pages/playground-page";
import { getJob, textImageBody, type ApiJob } from "./support/api";
import { answerConfirm } from "./support/dialogs";
import { E2E } from "./support/env";
import { runOwnServerForFile } from "./support/own-server";
import { unique } from "./support/runs";

/**
 * Acceptance (issue 11): the run queue in the page. The server plays an account of 4 requests a
 * minute (UPSTREAM_RPM), which its first model-catalog reads already use up, so the runs sent
 * right after start wait their turn. Each waiting card says its place in line and can be
 * cancelled (never sent, never billed); the gallery cancels all the others at once; the budget
 * line under Run counts the requests left and the runs waiting.
 *
 * The queue sends waiting runs once the minute of those first requests has passed, so the test
 * works on the waiting runs right after they are made, and cancels the last in line first.
 */
const PORT = E2E.ports.ownServers[7];
const { url: BASE } = runOwnServerForFile(PORT, "run-queue", {
  UPSTREAM_RPM: "4",
  ENGINE_LATENCY_MS: "200-400",
  SPEND_CAP_DAY_USD: "",
  SPEND_CAP_MONTH_USD: "",
});
const RUNS = 6;

async function budget(request: APIRequestContext): Promise<ApiBudget> {
  const res = await request.get("/api/budget");
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiBudget;
}

test("waiting runs: their place in line, cancel one from its card, cancel all the others from the gallery, never billed", async ({ page, request }) => {
  test.setTimeout(120_000);
  const word = unique();
  const runs: ApiJob[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const res = await request.post("/api/jobs", { data: textImageBody({ prompt: `e2e queued kite ${word} ${i}` }), headers: { origin: BASE } });
    expect(res.status(), await res.text()).toBe(201);
    runs.push((await res.json()) as ApiJob);
  }
  const waiting = runs.filter((r) => r.status === "waiting");
  expect(waiting.length, "runs past the request budget wait").toBeGreaterThanOrEqual(3);
  expect(waiting.map((r) => r.queue?.position)).toEqual(waiting.map((_, i) => i + 1));
  const last = waiting[waiting.length - 1];

  // The playground: each waiting card says its place; the budget line counts what waits.
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await expect(playground.jobCard(last.id)).toHaveAttribute("data-status", "waiting");
  await expect(playground.queuePlace(last.id)).toHaveText(new RegExp(`^${ordinal(waiting.length)} in line · starts (in about \\d+ (s|min)|soon)$`));
  await expect(playground.queuePlace(waiting[0].id)).toContainText("1st in line");
  await expect(playground.budgetLine).toContainText(/^\d+ requests? left this minute · /);
  await expect(playground.budgetLine).toContainText(`${waiting.length} runs waiting`);

  // Cancel the last in line from its card: cancelled, said to be unbilled, and the queue is shorter.
  await playground.cancelRunButton(last.id).click();
  await expect(playground.jobCard(last.id)).toHaveAttribute("data-status", "cancelled");
  await expect(playground.cancelledNotice(last.id)).toHaveText("Cancelled before it was sent — not billed.");
  await expect(playground.cancelRunButton(last.id)).toHaveCount(0);
  await expect(playground.budgetLine).toContainText(`${waiting.length - 1} run${waiting.length - 1 === 1 ? "" : "s"} waiting`);
  const cancelled = await getJob(request, last.id);
  expect(cancelled).toMatchObject({ status: "cancelled", actualCostUsd: null, upstreamJobId: null, images: [] });
  expect(cancelled.cancelledAt).not.toBeNull();

  // The gallery lists the others with their place, and cancels every waiting run after asking.
  const gallery = new GalleryPage(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Gallery" }).click();
  await expect(gallery.heading).toBeVisible();
  const others = waiting.slice(0, -1);
  for (const run of others) await expect(gallery.jobCard(run.id).getByTestId("queue-place")).toContainText(" in line");
  await expect(gallery.cancelAllWaiting).toHaveText(`Cancel all waiting (${others.length})`);
  const question = await answerConfirm(page, () => gallery.cancelAllWaiting.click(), "accept");
  expect(question).toContain(`Cancel all ${others.length} waiting runs?`);
  await expect(gallery.cancelAllResult).toHaveText(`Cancelled ${others.length} waiting runs.`);
  for (const run of others) await expect(gallery.jobCard(run.id)).toHaveAttribute("data-status", "cancelled");
  await expect(gallery.cancelAllWaiting).toHaveCount(0);

  // Nothing was sent or billed for them: no upstream job, no cost, every hold released.
  for (const run of waiting) {
    expect(await getJob(request, run.id)).toMatchObject({ status: "cancelled", upstreamJobId: null, actualCostUsd: null });
  }
  const after = await budget(request);
  expect(after.queue.waiting).toBe(0);
  const ledger = await (await request.get("/api/spend/ledger")).text();
  for (const run of waiting) expect(ledger).toMatch(new RegExp(`,release,${run.id},.*cancelled before it was sent`));
});
