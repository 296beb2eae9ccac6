import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * The gallery at scale: 10,000 seeded images (scripts/seed-gallery.ts) scroll to the end in a
 * virtualised grid (the DOM keeps only a window of cards), the end marker counts them all, and
 * search and sort still work. The spec runs its own app server on a data folder seeded before
 * the server starts (PGlite is one process's database, so the seed must run first).
 * Nothing here asserts a timing: the loops and waits only bound how long the test may take.
 */
/** Not one of playwright.config.ts's servers, restart.spec's or the engine. */
const PORT = E2E.ports.scale;
const IMAGES = 10_000;
/** A virtualised grid renders a window of cards; 10,000 in the DOM would mean it is not virtualised. */
const MAX_CARDS_IN_DOM = 500;
/** 200 pages of 50; each iteration normally loads one, so 400 leaves room for slow ones. */
const MAX_SCROLLS = 400;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

test("10,000 images: scroll to the end of a virtualised gallery, then search and sort", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-gallery-scale-"));
  let server: AppServer | undefined;
  try {
    const seeded = await run(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/seed-gallery.ts", String(IMAGES)],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 180_000 },
    );
    console.log(seeded.stdout.trim());
    expect(seeded.stdout).toContain(`seeded ${IMAGES} images`);

    server = await startAppServer({
      port: PORT,
      env: { DATA_DIR: dataDir, DATABASE_URL: "", EMPIRIOLABS_API_KEY: "", PLAYGROUND_PASSWORD: "", LOG_LEVEL: "warn" },
      timeoutMs: WAIT.serverStart,
    });

    const items = page.getByTestId("gallery-item");
    const end = page.getByTestId("gallery-end");
    const item = (id: string) => page.locator(`[data-testid="gallery-item"][data-image-id="${id}"]`);

    await page.goto(`${server.url}/gallery`);
    await expect(items.first()).toBeVisible({ timeout: 30_000 });
    const newest = await items.first().getAttribute("data-image-id");
    expect(newest).toBeTruthy();

    // Scroll to the bottom until the last page has loaded. After each scroll, wait (briefly, without
    // failing) for the page to grow or the end marker to appear, so slow pages do not use up the loop.
    let mostCards = 0;
    let scrolls = 0;
    while (!(await end.isVisible())) {
      expect(scrolls, "scrolls before the end of the gallery").toBeLessThan(MAX_SCROLLS);
      scrolls++;
      const height = await page.evaluate(() => {
        window.scrollTo(0, document.body.scrollHeight);
        return document.body.scrollHeight;
      });
      await page
        .waitForFunction(
          (before) => document.body.scrollHeight > before || document.querySelector('[data-testid="gallery-end"]') !== null,
          height,
          { timeout: 5_000, polling: 100 },
        )
        .catch(() => undefined);
      mostCards = Math.max(mostCards, await items.count());
    }
    await expect(end).toContainText(IMAGES.toLocaleString("en-US"));
    const cardsAtEnd = await items.count();
    console.log(`gallery end reached after ${scrolls} scrolls; at most ${mostCards} cards in the DOM, ${cardsAtEnd} at the end`);
    expect(cardsAtEnd).toBeGreaterThan(0);
    expect(Math.max(mostCards, cardsAtEnd), "cards in the DOM at once (virtualised)").toBeLessThan(MAX_CARDS_IN_DOM);

    // Back at the top, the newest image is shown again, with a thumbnail that really loaded.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(item(newest!)).toBeVisible();
    // Generous: thumbnails requested while scrolling past 10,000 cards may still be queued ahead of it.
    await expect
      .poll(() => item(newest!).locator("img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 90_000 })
      .toBe(true);

    // Search: every 1000th seeded image has "needle" in its prompt, so 10 match (one page).
    await page.getByLabel("Search prompts").fill("needle");
    await expect(page).toHaveURL(/q=needle/);
    await expect(end).toContainText(/(^|[^\d,])10 images/);
    await expect(items).toHaveCount(IMAGES / 1000);
    const newestNeedle = await items.first().getAttribute("data-image-id");
    await expect(items.first()).toContainText("seeded image 1000 needle");

    // Sort by cost: costs cycle 40k/80k/120k by image number, so image 3000 (120k) leads.
    await page.getByLabel("Sort").selectOption({ label: "Most expensive first" });
    await expect(page).toHaveURL(/sort=cost/);
    await expect(items.first()).not.toHaveAttribute("data-image-id", newestNeedle!);
    await expect(items.first()).toContainText("seeded image 3000 needle");
    await expect(end).toContainText(/(^|[^\d,])10 images/);
  } catch (e) {
    if (server) await test.info().attach("app server log", { body: server.logs(), contentType: "text/plain" });
    throw e;
  } finally {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
