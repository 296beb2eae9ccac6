import type { Page } from "@playwright/test";

/**
 * Clicks something that opens a native confirm() and answers it, returning its message.
 * Waiting for the dialog itself (rather than registering `page.once` and moving on) matters when
 * the app awaits a request before it asks: a second handler registered meanwhile would see the
 * same dialog and fail with "Cannot accept dialog which is already handled". The click is awaited
 * only after the answer, because a click that opens confirm() synchronously does not finish
 * until the dialog is closed.
 */
export async function answerConfirm(page: Page, trigger: () => Promise<void>, answer: "accept" | "dismiss"): Promise<string> {
  const opened = page.waitForEvent("dialog");
  const clicked = trigger();
  const dialog = await opened;
  const message = dialog.message();
  await (answer === "accept" ? dialog.accept() : dialog.dismiss());
  await clicked;
  return message;
}
