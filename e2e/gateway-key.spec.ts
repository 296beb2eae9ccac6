import { expect, test, type Response } from "@playwright/test";
import { GalleryPage } from "./pages/gallery-page";
import { naturalSize, PlaygroundPage } from "./pages/playground-page";
import { engineJobCount, getJob, submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { E2E, WAIT } from "./support/env";

/**
 * The app in gateway mode (API key set, pointed at a standalone engine that accepts exactly that
 * key): a whole run in the browser, and the key must appear in nothing the browser receives.
 */
test.use({ baseURL: E2E.gatewayUrl });

interface Recorded {
  url: string;
  status: number;
  headers: string;
  body: string;
}

async function record(response: Response): Promise<Recorded> {
  const headers = JSON.stringify(await response.allHeaders());
  let body: string;
  // The live stream (GET /api/events) never ends, so its body cannot be awaited here: what it
  // carried is recorded in the page instead (recordStream).
  if ((await response.headerValue("content-type"))?.startsWith("text/event-stream")) return { url: response.url(), status: response.status(), headers, body: "<stream>" };
  try {
    body = (await response.body()).toString("latin1");
  } catch (e) {
    // Redirects and aborted loads have no body to read.
    body = `<no body: ${(e as Error).message}>`;
  }
  return { url: response.url(), status: response.status(), headers, body };
}

/** Every message of the page's EventSources, into window.__streamed (an init script: before the app's code). */
function recordStream(): void {
  const streamed: string[] = [];
  (window as unknown as { __streamed: string[] }).__streamed = streamed;
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      this.addEventListener("message", (e) => streamed.push((e as MessageEvent<string>).data));
    }
  };
}

test("a run through the gateway never shows the API key to the browser", async ({ page, request }) => {
  await page.addInitScript(recordStream);
  const pending: Promise<Recorded>[] = [];
  page.on("response", (response) => pending.push(record(response)));
  const sentBodies: string[] = [];
  page.on("request", (req) => sentBodies.push(`${req.url()} ${JSON.stringify(req.headers())} ${req.postData() ?? ""}`));

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, upstream: "gateway" });
  const engineJobsBefore = await engineJobCount(request);

  const playground = new PlaygroundPage(page);
  await playground.goto();
  await expect(playground.prompt).toBeVisible();
  await expect(playground.offlineBanner).toHaveCount(0);

  await playground.prompt.fill("e2e gateway run, a neon city at night");
  const created = await playground.run("button");
  await expect(playground.jobCard(created.id)).toHaveAttribute("data-status", "completed", { timeout: WAIT.job });
  // The run's changes came over the live stream (the job as GET /api/jobs/{id} returns it).
  const streamed = (await page.evaluate(() => (window as unknown as { __streamed: string[] }).__streamed)).join("\n");
  expect(streamed).toContain(created.id);
  expect(streamed).not.toContain(E2E.secretKey);
  await expect(playground.resultImages(created.id)).toHaveCount(1);
  await expect.poll(() => naturalSize(playground.resultImages(created.id).first())).not.toBe("0x0");
  // The job really went to the key-protected engine.
  expect(await engineJobCount(request)).toBeGreaterThan(engineJobsBefore);

  await playground.openResultButton(created.id, 0).click();
  await expect.poll(() => naturalSize(playground.dialogImage())).toBe("1024x1024");
  await page.keyboard.press("Escape");
  await expect(playground.dialog).toHaveCount(0);

  const gallery = new GalleryPage(page);
  await gallery.goto();
  const [image] = (await getJob(request, created.id)).images;
  await expect(gallery.item(image.id)).toBeVisible();
  await expect(playground.offlineBanner).toHaveCount(0);

  const responses = await Promise.all(pending);
  const paths = responses.map((r) => new URL(r.url).pathname);
  // The recording saw the page, the API and the image files.
  expect(paths).toContain("/");
  expect(paths).toContain("/api/jobs");
  expect(paths).toContain("/api/events");
  expect(paths.some((p) => /^\/api\/images\/[^/]+\/file$/.test(p))).toBe(true);
  expect(paths.some((p) => p.startsWith("/_next/static/"))).toBe(true);
  for (const r of responses) {
    expect(r.headers, `headers of ${r.url}`).not.toContain(E2E.secretKey);
    expect(r.body, `body of ${r.url} (${r.status})`).not.toContain(E2E.secretKey);
    expect(new URL(r.url).origin, "the browser talks only to the app").toBe(E2E.gatewayUrl);
  }
  for (const sent of sentBodies) expect(sent).not.toContain(E2E.secretKey);
});

test("the gateway-mode API's JSON never contains the key", async ({ request }) => {
  const job = await submitJob(request, textImageBody({ prompt: "e2e gateway api, a green forest" }));
  const done = await waitForJobStatus(request, job.id, ["completed"]);
  expect(done.images).toHaveLength(1);

  const bad = await request.post("/api/jobs", { data: textImageBody({ cfg_scale: 99 }) });
  expect(bad.status()).toBe(422);
  const texts = [JSON.stringify(job), await bad.text()];
  for (const path of ["/api/health", "/api/jobs", `/api/jobs/${job.id}`, "/api/gallery", "/api/spend"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text), `${path} answers JSON`).not.toThrow();
    texts.push(text);
  }
  expect(texts.join("\n")).toContain(job.id);
  for (const text of texts) expect(text).not.toContain(E2E.secretKey);
});
