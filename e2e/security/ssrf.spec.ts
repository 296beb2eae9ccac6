import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { ApiErrorBody, ApiJob } from "../support/api";
import { E2E, WAIT } from "../support/env";
import { unique } from "../support/runs";

/**
 * Issue 9, finding 3 (SSRF): a job's image may be a URL, and in offline mode the app's built-in
 * engine fetches it. It must fetch only from public addresses, and every failure must read the
 * same, so an answer tells nothing about what listens where. The machine has no internet, so
 * nothing here can succeed: the point is that a loopback URL of a real image, a closed port, the
 * cloud metadata address in every spelling and a host that does not exist are indistinguishable.
 * (Redirects and DNS rebinding need a public server; they are covered in lib/net/*.test.ts.)
 */

type Answer = { status: number; body: ApiErrorBody };

/** What the engine shows of a URL: origin and path, as a WHATWG parser writes them (no query). */
const shown = (url: string) => `${new URL(url).origin}${new URL(url).pathname}`;

async function post(request: APIRequestContext, base: string, body: Record<string, unknown>): Promise<APIResponse> {
  return request.post(`${base}/api/jobs`, { data: body, headers: { origin: base } });
}

async function answerTo(request: APIRequestContext, base: string, body: Record<string, unknown>): Promise<Answer> {
  const res = await post(request, base, body);
  return { status: res.status(), body: (await res.json()) as ApiErrorBody };
}

async function jobIds(request: APIRequestContext, base: string): Promise<string[]> {
  const res = await request.get(`${base}/api/jobs?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: ApiJob[] }).items.map((j) => j.id);
}

/** A PNG this app really serves, so "open port with an image behind it" is one of the targets. */
async function ownImagePath(request: APIRequestContext, base: string): Promise<string> {
  const res = await post(request, base, { prompt: `e2e ssrf bait ${unique()}`, aspect_ratio: "1:1", size_scale: "small" });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as ApiJob).id;
  let job: ApiJob | undefined;
  await expect
    .poll(async () => (job = (await (await request.get(`${base}/api/jobs/${id}`)).json()) as ApiJob).status, { timeout: WAIT.job })
    .toBe("completed");
  const path = job!.images[0].url;
  const file = await request.get(`${base}${path}`);
  expect(file.status(), `the bait image ${path} is served`).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  return path;
}

/** The answer with the shown URL taken out: what must be identical for every target. */
function generic(answer: Answer, url: string): { status: number; message: string; fields: ApiErrorBody["error"]["fields"] } {
  const [only] = answer.body.error.fields;
  const blank = (text: string) => text.replace(shown(url), "<url>");
  return {
    status: answer.status,
    message: blank(answer.body.error.message),
    fields: only ? [{ field: only.field, message: blank(only.message) }] : [],
  };
}

function expectOneGenericAnswer(answers: [string, string, Answer][]): void {
  const [firstName, firstUrl, first] = answers[0];
  const reference = generic(first, firstUrl);
  expect(reference.status, `${firstName}: ${JSON.stringify(first.body)}`).toBeGreaterThanOrEqual(400);
  expect(reference.status).toBeLessThan(500);
  expect(reference.fields).toEqual([{ field: "image", message: expect.stringMatching(/^image could not be fetched from <url>: use a public http\(s\) URL/) }]);
  expect(reference.message).toContain(reference.fields[0].message);
  for (const [name, url, answer] of answers) {
    expect(answer.body.error.fields[0]?.message, `${name}: the real URL is shown (without its query)`).toContain(shown(url));
    expect(generic(answer, url), `${name} (${url}) answers like ${firstName}`).toEqual(reference);
  }
}

test.describe("SSRF: image URLs of a job (offline app, built-in engine)", () => {
  const base = E2E.offlineUrl;
  const port = E2E.ports.offline;

  test("loopback, private, metadata and unknown hosts in every spelling get one identical 4xx naming the field; no job is created", async ({ request }) => {
    test.setTimeout(120_000);
    const image = await ownImagePath(request, base);
    const targets: Record<string, string> = {
      "this app's own PNG on 127.0.0.1 (open port)": `http://127.0.0.1:${port}${image}`,
      "127.0.0.1 on a closed port": "http://127.0.0.1:9/picture.png",
      "this app's health on 127.0.0.1": `http://127.0.0.1:${port}/api/health?probe=1`,
      localhost: `http://localhost:${port}${image}`,
      "[::1]": `http://[::1]:${port}${image}`,
      "cloud metadata 169.254.169.254": "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
      "private 10.0.0.1": "http://10.0.0.1/picture.png",
      "private 192.168.1.1 over https": "https://192.168.1.1/picture.png",
      "CGNAT 100.64.0.1": "http://100.64.0.1/picture.png",
      "unspecified 0.0.0.0": `http://0.0.0.0:${port}${image}`,
      "decimal 2130706433": `http://2130706433:${port}${image}`,
      "octal 0177.0.0.1": `http://0177.0.0.1:${port}${image}`,
      "hex 0x7f000001": `http://0x7f000001:${port}${image}`,
      "short 127.1": `http://127.1:${port}${image}`,
      "IPv4-mapped [::ffff:127.0.0.1]": `http://[::ffff:127.0.0.1]:${port}${image}`,
      "IPv4-mapped metadata [::ffff:a9fe:a9fe]": "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
      "NAT64 metadata [64:ff9b::169.254.169.254]": "http://[64:ff9b::169.254.169.254]/latest/meta-data/",
      "link-local [fe80::1]": "http://[fe80::1]/picture.png",
      "unique local [fd00::1]": "http://[fd00::1]/picture.png",
      "a host that does not exist": "https://no-such-host.invalid/picture.png",
    };
    const before = await jobIds(request, base);
    const answers: [string, string, Answer][] = [];
    for (const [name, url] of Object.entries(targets)) {
      answers.push([name, url, await answerTo(request, base, { task_type: "BACKGROUND_REMOVAL", image: url })]);
    }
    expectOneGenericAnswer(answers);
    // Same words for another task and another field, item by item.
    const variation = await answerTo(request, base, { task_type: "IMAGE_VARIATION", prompt: "x", images: [targets.localhost, targets["private 10.0.0.1"]] });
    expect(variation.status).toBe(answers[0][2].status);
    expect(variation.body.error.fields).toEqual([{ field: "images", message: expect.stringMatching(/^images\[0\] could not be fetched from /) }]);
    expect(generic(variation, targets.localhost).fields[0].message.replace("images[0]", "image")).toBe(generic(answers[0][2], answers[0][1]).fields[0].message);

    expect(await jobIds(request, base), "no job was created by a refused URL").toEqual(before);
  });

  test("a URL that is simply wrong is refused before anything is fetched, with words that name the field", async ({ request }) => {
    const notAUrl = "image must be an http(s) URL, a data: URL or base64 image data";
    const seen: Record<string, string> = {
      "htp://example.com/a.png": notAUrl,
      "http://exa mple.com/a.png": notAUrl,
      // Letters and spaces are valid base64 text; they just decode to no image.
      "not a url at all": "image is not a readable image (send a PNG or JPEG)",
    };
    const before = await jobIds(request, base);
    for (const [text, message] of Object.entries(seen)) {
      const answer = await answerTo(request, base, { task_type: "BACKGROUND_REMOVAL", image: text });
      expect(answer.status, text).toBe(422);
      expect(answer.body.error.fields, text).toEqual([{ field: "image", message }]);
    }
    expect(await jobIds(request, base)).toEqual(before);
  });
});

test("SSRF in password mode: a signed-in owner gets the same single answer", async () => {
  const base = E2E.passwordUrl;
  const owner = await playwrightRequest.newContext();
  try {
    const signIn = await owner.post(`${base}/api/session`, { form: { password: E2E.password, next: "/" }, headers: { origin: base }, maxRedirects: 0 });
    expect(signIn.status()).toBe(303);
    expect(signIn.headers()["set-cookie"], "signed in").toContain("nova_session=");
    const targets = {
      "this app's health": `http://127.0.0.1:${E2E.ports.password}/api/health`,
      "cloud metadata": "http://169.254.169.254/latest/meta-data/",
      "decimal loopback": `http://2130706433:${E2E.ports.password}/api/health`,
      "a host that does not exist": "https://no-such-host.invalid/picture.png",
    };
    const answers: [string, string, Answer][] = [];
    for (const [name, url] of Object.entries(targets)) {
      answers.push([name, url, await answerTo(owner, base, { task_type: "BACKGROUND_REMOVAL", image: url })]);
    }
    expectOneGenericAnswer(answers);
  } finally {
    await owner.dispose();
  }
});
