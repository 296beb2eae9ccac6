import { expect, test, type Page } from "@playwright/test";
import { MaskEditor } from "../pages/mask-editor";
import { PlaygroundPage } from "../pages/playground-page";
import { TaskForm } from "../pages/task-form";
import { submitJob, textImageBody, waitForJobStatus } from "../support/api";
import { E2E } from "../support/env";
import { png, texturedPng } from "../support/images";
import { unique } from "../support/runs";
import { rawRequest } from "./support/raw-http";
import { signIn } from "./support/session";

/**
 * Issue 9, findings 2 (absolute URLs) and 8 (security headers): every page, JSON answer and image
 * carries the headers of lib/http/security-headers.ts; pages run under a nonce CSP with no
 * violation (the app's own scripts, the mask editor's canvas, images from data: and blob: URLs);
 * a share's Open Graph URLs come from configuration, not from X-Forwarded-Host.
 */
const EVERYWHERE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
};

function expectHeaders(headers: Record<string, string | string[] | undefined>, what: string, extra: Record<string, string | RegExp>): void {
  const wanted: Record<string, string | RegExp> = { ...EVERYWHERE, ...extra };
  for (const [name, want] of Object.entries(wanted)) {
    const got = String(headers[name] ?? "");
    if (want instanceof RegExp) expect(got, `${what}: ${name}`).toMatch(want);
    else expect(got, `${what}: ${name}`).toBe(want);
  }
}

let share: { path: string; imageUrl: string } | undefined;

test.beforeAll(async ({ request }) => {
  const job = await submitJob(request, textImageBody({ prompt: `e2e headers ${unique()}` }));
  const done = await waitForJobStatus(request, job.id, ["completed"]);
  const res = await request.post("/api/shares", { data: { imageIds: [done.images[0].id], title: "e2e headers" }, headers: { origin: E2E.offlineUrl } });
  expect(res.status(), await res.text()).toBe(201);
  share = { path: ((await res.json()) as { path: string }).path, imageUrl: done.images[0].url };
});

test("pages, JSON, private images and errors carry the security headers (no password)", async () => {
  const base = E2E.offlineUrl;
  for (const path of ["/", "/gallery", "/shares"]) {
    const res = await rawRequest(base, path);
    expect(res.status, path).toBe(200);
    expectHeaders(res.headers, path, {
      "x-frame-options": "DENY",
      "content-security-policy": /^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'; .*frame-ancestors 'none'$/,
      "cross-origin-resource-policy": "same-origin",
    });
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))![1];
    const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: every script carries this response's nonce`).toContain(`nonce="${nonce}"`);
  }
  const api = { "x-frame-options": "DENY", "content-security-policy": /default-src 'none'.*frame-ancestors 'none'/, "cross-origin-resource-policy": "same-origin" };
  for (const path of ["/api/health", "/api/spend", "/api/jobs", share!.imageUrl, "/api/jobs/not-an-id", "/api/gallery?limit=0"]) {
    const res = await rawRequest(base, path);
    expect(res.status, path).toBeLessThan(500);
    expectHeaders(res.headers, path, api);
  }
});

test("with a password: the sign-in page, the API's 401 and the signed-in pages carry them too", async () => {
  const base = E2E.passwordUrl;
  const signInPage = await rawRequest(base, "/sign-in");
  expectHeaders(signInPage.headers, "/sign-in", { "x-frame-options": "DENY", "content-security-policy": /frame-ancestors 'none'/ });
  expectHeaders((await rawRequest(base, "/api/jobs")).headers, "401", { "x-frame-options": "DENY" });
  const cookie = await signIn(base, E2E.password);
  const home = await rawRequest(base, "/", { headers: { cookie } });
  expect(home.status).toBe(200);
  expectHeaders(home.headers, "/ signed in", { "content-security-policy": /'nonce-/ });
  const redirect = await rawRequest(base, "/gallery");
  expect(redirect.status).toBe(303);
  expectHeaders(redirect.headers, "redirect to sign-in", { "x-frame-options": "DENY" });
});

test("a shared gallery: nobody may frame it by default; its images may be shown elsewhere; Open Graph URLs ignore X-Forwarded-Host", async () => {
  const base = E2E.offlineUrl;
  const page = await rawRequest(base, share!.path, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
  expect(page.status).toBe(200);
  expectHeaders(page.headers, "share page", { "x-frame-options": "DENY", "content-security-policy": /frame-ancestors 'none'/ });
  const og = /<meta property="og:image" content="([^"]+)"/.exec(page.body)?.[1];
  const ogUrl = /<meta property="og:url" content="([^"]+)"/.exec(page.body)?.[1];
  expect(og).toBe(`${base}${share!.path}/preview.png`);
  expect(ogUrl).toBe(`${base}${share!.path}`);
  expect(page.body).not.toContain("evil.example");
  const image = await rawRequest(base, `${share!.path}/i/1`);
  expect(image.status).toBe(200);
  expectHeaders(image.headers, "shared image", { "cross-origin-resource-policy": "cross-origin" });
});

/** Records CSP violations and console errors from the start of every document. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) found.push(m.text());
  });
  return found;
}

test("the app runs under its CSP without a single violation: playground, mask editor, gallery, shares, a share", async ({ page }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("INPAINTING");
  await playground.prompt.fill(`e2e csp ${unique()}`);
  await form.image("image").choose(png("csp.png", (await texturedPng(640, 480)).png));
  await expect(form.image("image").root).toContainText("640 × 480");
  const editor = new MaskEditor(page);
  await editor.open();
  await editor.drag([
    { x: 200, y: 200 },
    { x: 320, y: 260 },
  ]);
  await editor.expectStrokes(1);
  await editor.done();
  for (const path of ["/gallery", "/shares", share!.path]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await expect(page.getByTestId("share-grid").getByRole("img")).toHaveCount(1);
  expect(violations).toEqual([]);
});
