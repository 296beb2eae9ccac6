import type { APIRequestContext, Page, Route } from "@playwright/test";

export interface LateScripts {
  /** How many scripts are held so far. */
  held(): number;
  /** Lets every held script (and any later one) load. */
  release(): Promise<void>;
}

/**
 * Holds every script `page` asks for beyond those the HTML of `path` names: the code loaded after
 * hydration (the style picker, the image inputs, …), so a test can look at the page as it is
 * before those controls are in place, for as long as it needs.
 */
export async function holdLateScripts(page: Page, request: APIRequestContext, path: string): Promise<LateScripts> {
  const html = await (await request.get(path)).text();
  const initial = new Set([...html.matchAll(/\/_next\/static\/[^"'\s\\]+?\.js/g)].map((m) => m[0]));
  const held: Route[] = [];
  let released = false;
  await page.route(/\/_next\/static\/.+\.js$/, async (route) => {
    if (released || initial.has(new URL(route.request().url()).pathname)) await route.continue();
    else held.push(route);
  });
  return {
    held: () => held.length,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}
