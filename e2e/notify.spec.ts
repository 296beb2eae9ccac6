import { expect, test, type Page } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { SettingsPage } from "./pages/settings-page";
import { E2E, WAIT } from "./support/env";
import { runOwnServerForFile } from "./support/own-server";
import { unique } from "./support/runs";

/**
 * Being told (issue 12 part 6): a run that took over 10 s and finished while the tab was hidden
 * puts a count in the tab's title until the tab is seen, and shows a system notification unless
 * turned off in Settings. The app runs on a server of its own whose engine takes 10.5–11 s a job.
 *
 * Nothing of the product is stubbed. An init script observes: it wraps window.Notification (the
 * real one is still constructed) and window.focus to record their calls, and lets the test say
 * whether the tab is hidden (headless Chromium keeps every tab visible), as a switch of tab would:
 * document.visibilityState, document.hidden and a visibilitychange event.
 */

const PORT = E2E.ports.ownServers[3];
// The suite's pace must not make runs wait for the request budget: a 600-a-minute account.
runOwnServerForFile(PORT, "notify", { ENGINE_LATENCY_MS: "10500-11000", ENGINE_RATE_LIMIT_PER_MIN: "600", UPSTREAM_RPM: "600" });

const TITLE = "Nova Canvas Playground";

interface Recorded {
  notes: { title: string; body?: string; tag?: string }[];
  asks: number;
  focusCalls: number;
}

declare global {
  interface Window {
    __recorded: Recorded;
    __lastNote: Notification | null;
    __setHidden: (hidden: boolean) => void;
  }
}

async function observe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const recorded: Recorded = { notes: [], asks: 0, focusCalls: 0 };
    window.__recorded = recorded;
    window.__lastNote = null;
    const Real = window.Notification;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        recorded.notes.push({ title, body: options?.body, tag: options?.tag });
        super(title, options);
        window.__lastNote = this;
      }
      static override get permission() {
        return Real.permission;
      }
      static override requestPermission(callback?: NotificationPermissionCallback) {
        recorded.asks += 1;
        return Real.requestPermission(callback);
      }
    }
    window.Notification = Recording;
    const focus = window.focus.bind(window);
    window.focus = () => {
      recorded.focusCalls += 1;
      focus();
    };
    let hidden = false;
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    window.__setHidden = (h: boolean) => {
      hidden = h;
      document.dispatchEvent(new Event("visibilitychange"));
    };
  });
}

const recorded = (page: Page) => page.evaluate(() => window.__recorded);
const setHidden = (page: Page, hidden: boolean) => page.evaluate((h) => window.__setHidden(h), hidden);

/** The playground with a prompt typed, ready to run. */
async function playgroundWithPrompt(page: Page): Promise<PlaygroundPage> {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.prompt.fill(`e2e notify, a lighthouse in fog ${unique()}`);
  await expect(playground.runButton).toBeEnabled();
  return playground;
}

test.describe("with notifications allowed", () => {
  test.use({ permissions: ["notifications"] });

  test("two long runs finish while hidden: (2) in the title and a notification; clicking it focuses the tab; seen, the count goes", async ({ page }) => {
    test.setTimeout(90_000);
    await observe(page);
    const playground = await playgroundWithPrompt(page);
    await expect(page).toHaveTitle(TITLE);
    const first = await playground.run();
    const second = await playground.run();
    await setHidden(page, true);

    await expect(page).toHaveTitle(`(2) ${TITLE}`, { timeout: WAIT.job });
    await expect(playground.jobCard(first.id)).toHaveAttribute("data-status", "completed");
    await expect(playground.jobCard(second.id)).toHaveAttribute("data-status", "completed");
    const { notes, asks } = await recorded(page);
    expect(asks, "allowed already: nothing to ask").toBe(0);
    // One notification per finished run, the second summing up both (same tag: it replaces the first).
    // Both runs have the same prompt, so the order they finished in does not matter here.
    expect(first.prompt).toBe(second.prompt);
    expect(notes).toHaveLength(2);
    expect(notes[0].title).toMatch(/^Run finished after 1\d s$/);
    expect(notes[0].body).toBe(first.prompt);
    expect(notes[1]).toEqual({ title: "2 runs finished", body: `Latest: ${first.prompt}`, tag: notes[0].tag });

    await page.evaluate(() => window.__lastNote!.dispatchEvent(new Event("click")));
    expect((await recorded(page)).focusCalls).toBe(1);

    await setHidden(page, false);
    await expect(page).toHaveTitle(TITLE);
  });

  test("a long run that finishes in view: no count, no notification", async ({ page }) => {
    test.setTimeout(90_000);
    await observe(page);
    const playground = await playgroundWithPrompt(page);
    const job = await playground.run();
    await expect(playground.jobCard(job.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
    // Hidden after it ended: nothing new to tell.
    await setHidden(page, true);
    await expect(page).toHaveTitle(TITLE);
    expect((await recorded(page)).notes).toHaveLength(0);
  });

  test("turned off in Settings: the title still counts, no notification", async ({ page }) => {
    test.setTimeout(90_000);
    await observe(page);
    // Once the page is ready (hydrated, its data loaded), so the click reaches React.
    const settings = new SettingsPage(page);
    await settings.goto();
    const toggle = page.getByRole("checkbox", { name: /Notify me when a long run finishes/ });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(toggle).not.toBeChecked();

    const playground = await playgroundWithPrompt(page);
    await playground.run();
    await setHidden(page, true);
    await expect(page).toHaveTitle(`(1) ${TITLE}`, { timeout: WAIT.job });
    expect((await recorded(page)).notes).toHaveLength(0);
    await setHidden(page, false);
    await expect(page).toHaveTitle(TITLE);

    // A preference of this browser: still off on the Settings page after a reload.
    await settings.goto();
    await expect(toggle).not.toBeChecked();
  });
});

test("the permission is asked on the first Run, never on page load, and once", async ({ page }) => {
  await observe(page);
  const playground = await playgroundWithPrompt(page);
  expect(await page.evaluate(() => Notification.permission)).toBe("default");
  expect((await recorded(page)).asks, "loading the page asks nothing").toBe(0);
  await playground.run();
  await expect.poll(async () => (await recorded(page)).asks).toBe(1);
  const second = await playground.run();
  await expect(playground.jobCard(second.id)).toBeVisible();
  expect((await recorded(page)).asks, "asked once per browser").toBe(1);
});
