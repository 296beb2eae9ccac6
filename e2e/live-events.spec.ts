import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { WAIT } from "./support/env";
import { unique } from "./support/runs";

/**
 * Issue 12, part 5 in the browser (the offline app): with the live stream up, a run's card goes
 * to completed, with its image, without a single GET /api/jobs/{id} (job cards do not poll while
 * the stream is connected); with the stream cut, polling still brings the result. The stream's
 * replay after a reconnect (Last-Event-ID) is checked in app/api/events/route.test.ts.
 */
const JOB_DETAIL = /^\/api\/jobs\/[0-9a-f-]{36}$/;

/** GET /api/jobs/{id} requests the page sends from now on. */
function countJobPolls(page: Page): { count: () => number } {
  let count = 0;
  page.on("request", (r) => {
    if (r.method() === "GET" && JOB_DETAIL.test(new URL(r.url()).pathname)) count += 1;
  });
  return { count: () => count };
}

/** The connection's state as the page's stream hook sets it on <html>. */
const liveEvents = (page: Page) => page.locator("html");

test("with the stream up, a run's card completes with its image and no job polling", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await expect(liveEvents(page)).toHaveAttribute("data-live-events", "connected");
  const polls = countJobPolls(page);

  await playground.prompt.fill(`e2e live lighthouse ${unique()}`);
  const created = await playground.run("button");
  const card = playground.jobCard(created.id);
  await expect(card).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.resultImages(created.id)).toHaveCount(1);
  await expect(liveEvents(page)).toHaveAttribute("data-live-events", "connected");
  expect(polls.count(), "GET /api/jobs/{id} while the stream was up").toBe(0);
});

test("with the stream cut, job polling still brings the result", async ({ page }) => {
  let refused = 0;
  await page.route("**/api/events", (route) => {
    refused += 1;
    return route.abort("connectionreset");
  });
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await expect.poll(() => refused, { message: "the page tried to open the stream" }).toBeGreaterThan(0);
  const polls = countJobPolls(page);

  await playground.prompt.fill(`e2e polled lighthouse ${unique()}`);
  const created = await playground.run("button");
  await expect(playground.jobCard(created.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  await expect(playground.resultImages(created.id)).toHaveCount(1);
  expect(polls.count(), "GET /api/jobs/{id} with the stream cut").toBeGreaterThan(0);
  await expect(liveEvents(page)).not.toHaveAttribute("data-live-events", "connected");
});
