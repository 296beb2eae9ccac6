import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";
import { onCleanup } from "./processes";

/**
 * Chromium for the browser benchmarks: Debian's build unless CHROMIUM_PATH says otherwise, with
 * the same flags as the e2e tests (playwright.config.ts). The browser is registered for cleanup,
 * so runEntry/runStandalone close it however the benchmark ends.
 */

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in `__name(fn, "name")`;
 * a function handed to page.evaluate carries those calls into the page, where `__name` does not
 * exist. Add this with addInitScript (or evaluate it) before evaluating such a function.
 */
export const KEEP_NAMES_SHIM = "globalThis.__name ??= (fn) => fn;";

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...CHROMIUM_ARGS] });
  const unregister = onCleanup(() => browser.close());
  browser.once("disconnected", unregister);
  return browser;
}
