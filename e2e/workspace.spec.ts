import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { png, rectMask, texturedPng } from "./support/images";
import { unique } from "./support/runs";

/**
 * The workspace (issue 12 part 7), at a laptop's, a small tablet's and a phone's size: Run is in
 * view without scrolling however long the form is, the run it starts comes into view, and on
 * wide screens the form and the runs scroll on their own. Screenshots of each size go to
 * test-results (looked at by a person; nothing compares them).
 */

const SIZES = [
  { width: 1366, height: 900, wide: true },
  { width: 1024, height: 768, wide: true },
  { width: 390, height: 844, wide: false },
] as const;

class Workspace {
  readonly formColumn: Locator;
  readonly resultsColumn: Locator;
  readonly runBar: Locator;
  readonly more: Locator;
  readonly moreSummary: Locator;

  constructor(readonly page: Page) {
    this.formColumn = page.getByTestId("form-column");
    this.resultsColumn = page.getByTestId("results-column");
    this.runBar = page.getByTestId("run-bar");
    this.more = page.getByTestId("more-fields");
    this.moreSummary = this.more.locator("summary");
  }

  /** Unfolds "More" (a click on its summary, as a person would) unless it is open. */
  async openMore(): Promise<void> {
    if (!(await this.more.evaluate((d) => (d as HTMLDetailsElement).open))) await this.moreSummary.click();
    await expect(this.more).toHaveAttribute("open", "");
  }

  scrollTops(): Promise<{ window: number; form: number; results: number }> {
    return this.page.evaluate(() => ({
      window: window.scrollY,
      form: document.querySelector('[data-testid="form-column"]')!.scrollTop,
      results: document.querySelector('[data-testid="results-column"]')!.scrollTop,
    }));
  }

  /** Back to the top of the page and of both columns: what a person sees before scrolling. */
  async scrollAllToTop(): Promise<void> {
    await this.page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const id of ["form-column", "results-column"]) document.querySelector(`[data-testid="${id}"]`)!.scrollTop = 0;
    });
    await expect.poll(() => this.scrollTops()).toEqual({ window: 0, form: 0, results: 0 });
  }
}

/** Whether a click at the middle of `target` would reach it (nothing drawn over it, such as the Run bar). */
async function reachable(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** Four finished runs, so the runs column (or the page below the form) has to scroll. */
async function earlierRuns(request: APIRequestContext, word: string): Promise<void> {
  const jobs = [];
  for (let i = 0; i < 4; i++) jobs.push(await submitJob(request, textImageBody({ prompt: `e2e workspace ${word} ${i} ${unique()}` })));
  for (const job of jobs) await waitForJobStatus(request, job.id, ["completed"]);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

for (const size of SIZES) {
  const label = `${size.width}×${size.height}`;
  test.describe(`workspace at ${label}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("Run is in view without scrolling with the longest form, and the new run comes into view", async ({ page, request }, testInfo) => {
      test.setTimeout(120_000);
      await earlierRuns(request, "filler");

      const playground = new PlaygroundPage(page);
      const form = new TaskForm(page);
      const ws = new Workspace(page);
      await playground.goto();

      // The longest form: OUTPAINTING with its image, its mask drawn over it, and More unfolded.
      await form.choose("OUTPAINTING");
      const source = await texturedPng(640, 480);
      await form.image("image").choose(png("subject.png", source.png));
      await form.image("mask_image").choose(png("mask.png", await rectMask(640, 480, { x: 220, y: 140, width: 200, height: 200 })));
      await expect(form.maskOverlay).toBeVisible();
      await ws.openMore();
      await ws.scrollAllToTop();
      const formHeight = await page.getByRole("form").evaluate((f) => f.getBoundingClientRect().height);
      expect(formHeight, "the form is taller than the screen").toBeGreaterThan(size.height);
      await expect(playground.runButton).toBeInViewport({ ratio: 1 });
      expect(await reachable(playground.runButton), "nothing covers Run").toBe(true);
      await expect(playground.costEstimate).toBeInViewport({ ratio: 1 });
      await screenshot(page, testInfo, `workspace-${label}-outpainting-more`);

      // A run: the list (or the page) is scrolled away from where the new card appears.
      await form.choose("TEXT_IMAGE");
      await playground.prompt.fill(`e2e workspace run ${unique()}`);
      await expect(playground.runButton).toBeEnabled();
      if (size.wide) {
        await ws.resultsColumn.evaluate((c) => c.scrollTo(0, c.scrollHeight));
        await expect.poll(async () => (await ws.scrollTops()).results, "the runs column is scrolled down").toBeGreaterThan(0);
      } else {
        await ws.scrollAllToTop();
      }
      const created = await playground.run("button");
      const card = playground.jobCard(created.id);
      await expect(card).toBeInViewport();
      // Its top, where the status and progress are, is in view and not under the Run bar.
      await expect
        .poll(async () => {
          const [c, bar] = [await card.boundingBox(), await ws.runBar.boundingBox()];
          return c !== null && bar !== null && c.y >= 0 && c.y + 40 <= (size.wide ? size.height : bar.y);
        }, "the new card's top is visible")
        .toBe(true);
      // (Polled: on its way into view the card may still be moving, smoothly.)
      await expect.poll(() => reachable(card.getByText("e2e workspace run", { exact: false })), "nothing covers the card").toBe(true);
      await waitForJobStatus(request, created.id, ["completed"]);
      await expect(card).toHaveAttribute("data-status", "completed");
      await screenshot(page, testInfo, `workspace-${label}-after-run`);

      if (!size.wide) {
        // Nothing hides under the fixed bar: at the very bottom the last run ends above it.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const last = playground.jobCards.last();
        await expect
          .poll(async () => {
            const [c, bar] = [await last.boundingBox(), await ws.runBar.boundingBox()];
            return c !== null && bar !== null && c.y + c.height <= bar.y;
          }, "the last card ends above the Run bar")
          .toBe(true);
      }
    });

    if (size.wide) {
      test("the form and the runs scroll on their own", async ({ page, request }) => {
        await earlierRuns(request, "scroll");
        const playground = new PlaygroundPage(page);
        const ws = new Workspace(page);
        await playground.goto();
        await ws.openMore();
        // Everything loaded that changes a column's height (code that loads after the first paint):
        // the browser keeps what is in view in place when content above it grows, moving scrollTop.
        await playground.prompt.fill(`e2e workspace scroll ${unique()}`);
        await expect(playground.runButton).toBeEnabled();
        const newest = playground.jobCards.first();
        for (const name of ["Reuse parameters", "Copy request", "Use result 1 as…"]) {
          await expect(newest.getByRole("button", { name, exact: true })).toBeVisible();
        }
        await ws.scrollAllToTop();

        // The wheel over the form scrolls the form only; the page itself never scrolls.
        await ws.formColumn.hover({ position: { x: 40, y: 200 } });
        await page.mouse.wheel(0, 300);
        // Until the whole 300 px have been scrolled (a wheel may scroll smoothly).
        await expect.poll(async () => (await ws.scrollTops()).form).toBe(300);
        const afterForm = await ws.scrollTops();
        expect(afterForm.results).toBe(0);
        expect(afterForm.window).toBe(0);

        // And over the runs, the runs only.
        await ws.resultsColumn.hover({ position: { x: 40, y: 200 } });
        await page.mouse.wheel(0, 300);
        await expect.poll(async () => (await ws.scrollTops()).results).toBe(300);
        const afterResults = await ws.scrollTops();
        expect(afterResults.form).toBe(afterForm.form);
        expect(afterResults.window).toBe(0);
        // Run stays in view whichever way the form was scrolled.
        await expect(playground.runButton).toBeInViewport({ ratio: 1 });
      });
    }
  });
}

test("More: rarely changed fields fold away, and one with a problem is never hidden", async ({ page }, testInfo) => {
  const playground = new PlaygroundPage(page);
  const ws = new Workspace(page);
  await playground.goto();
  await playground.prompt.fill(`e2e more ${unique()}`);
  await expect(ws.moreSummary).toContainText("Seed");
  await ws.openMore();

  // A seed beyond the limit: flagged, so More cannot be folded.
  await playground.seed.fill("99999999999");
  await playground.seed.blur();
  await expect(page.locator("#field-seed-error")).toBeVisible();
  await expect(ws.moreSummary).toContainText("1 field to fix");
  await ws.moreSummary.click();
  await expect(ws.more).toHaveAttribute("open", "");
  await expect(playground.seed).toBeVisible();
  await ws.more.screenshot({ path: testInfo.outputPath("more-with-a-problem.png") });

  // Folded last time (remembered in this browser) and a flagged field in it now: it opens.
  await page.evaluate(() => localStorage.setItem("nova-canvas.form-ui", JSON.stringify({ state: { moreOpen: false }, version: 1 })));
  await playground.reload();
  await expect(playground.runHint).toContainText("Seed");
  await expect(ws.more).toHaveAttribute("open", "");
  await expect(playground.seed).toBeVisible();

  // Fixed, it folds, and stays folded after a reload.
  await playground.seed.fill("7");
  await expect(ws.moreSummary).not.toContainText("to fix");
  await ws.moreSummary.click();
  await expect(ws.more).not.toHaveAttribute("open", "");
  await expect(playground.seed).toBeHidden();
  await playground.reload();
  await expect(ws.more).not.toHaveAttribute("open", "");
  await expect(playground.seed).toHaveValue("7");
});
