import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { submitJob, textImageBody, waitForJobStatus, type ApiErrorBody } from "./support/api";

/** The offline app's JSON API, called directly (no browser). */

interface BadRequestCase {
  name: string;
  body: Record<string, unknown>;
  field: string;
  /** What the message must name: the limit or the allowed values. */
  mentions: string;
}

const FIELD_CASES: BadRequestCase[] = [
  { name: "an empty prompt", body: textImageBody({ prompt: "" }), field: "prompt", mentions: "empty" },
  { name: "a 1025-character prompt", body: textImageBody({ prompt: "p".repeat(1025) }), field: "prompt", mentions: "1024" },
  { name: "cfg_scale 11", body: textImageBody({ cfg_scale: 11 }), field: "cfg_scale", mentions: "10" },
  { name: "number_of_images 6", body: textImageBody({ number_of_images: 6 }), field: "number_of_images", mentions: "5" },
  { name: 'task_type "FOO"', body: textImageBody({ task_type: "FOO" }), field: "task_type", mentions: "TEXT_IMAGE" },
];

async function errorBody(res: APIResponse): Promise<ApiErrorBody["error"]> {
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as ApiErrorBody;
  expect(typeof body.error?.message, "error.message").toBe("string");
  return body.error;
}

test("invalid job requests get a 4xx naming the field and the limit; the server stays healthy", async ({ request }) => {
  for (const c of FIELD_CASES) {
    await test.step(c.name, async () => {
      const res = await request.post("/api/jobs", { data: c.body });
      expect(res.status(), c.name).toBe(422);
      const error = await errorBody(res);
      expect(error.code).toBe("validation_failed");
      const field = error.fields.find((f) => f.field === c.field);
      expect(field, `error.fields names ${c.field}: ${JSON.stringify(error.fields)}`).toBeDefined();
      expect(field!.message).toContain(c.mentions);
      expect(error.message).toContain(c.field);
      expect(error.message).toContain(c.mentions);
    });
  }

  await test.step("malformed JSON", async () => {
    const res = await request.post("/api/jobs", {
      headers: { "content-type": "application/json" },
      // A Buffer: Playwright would JSON-encode an unparsable string sent as application/json.
      data: Buffer.from('{"task_type": "TEXT_IMAGE", "prompt": ', "utf8"),
    });
    expect(res.status()).toBe(400);
    const error = await errorBody(res);
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(/not valid JSON/i);
  });

  await test.step("a 50 MB body", async () => {
    const big = Buffer.from(JSON.stringify(textImageBody({ prompt: "x".repeat(50 * 1024 * 1024) })));
    const res = await request.post("/api/jobs", {
      headers: { "content-type": "application/json" },
      data: big,
      timeout: 60_000,
    });
    expect(res.status()).toBe(413);
    const error = await errorBody(res);
    expect(error.code).toBe("payload_too_large");
    // MAX_BODY_BYTES defaults to 40 MiB; the message names it.
    expect(error.message).toContain("40 MB");
  });

  await test.step("health is still 200 and a valid job still runs", async () => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, upstream: "offline" });

    const job = await submitJob(request, textImageBody({ prompt: "e2e after the bad requests, a blue kite" }));
    expect(["queued", "processing", "submitting"]).toContain(job.status);
    const done = await waitForJobStatus(request, job.id, ["completed"]);
    expect(done.images).toHaveLength(1);
  });
});

test("unknown jobs and images are 404", async ({ request }) => {
  for (const path of [`/api/jobs/${randomUUID()}`, "/api/jobs/not-a-uuid"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect((await errorBody(res)).code, path).toBe("not_found");
  }
  for (const path of [
    "/api/images/not-an-id/file",
    "/api/images/not-an-id/thumb",
    `/api/images/${randomUUID()}/file`,
    `/api/images/${randomUUID()}/thumb`,
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect((await errorBody(res)).code, path).toBe("not_found");
  }
});

test("stored images are served with their content type, nosniff and a long cache lifetime", async ({ request }) => {
  const job = await submitJob(request, textImageBody({ prompt: "e2e image headers, a pink flamingo" }));
  const done = await waitForJobStatus(request, job.id, ["completed"]);
  expect(done.images).toHaveLength(1);
  const image = done.images[0];
  // Our own storage, never the upstream's URL.
  expect(image.url).toBe(`/api/images/${image.id}/file`);
  expect(image.thumbUrl).toBe(`/api/images/${image.id}/thumb`);

  const variants = [
    { url: image.url, contentType: image.contentType, magic: (b: Buffer) => b.subarray(1, 4).toString("latin1") === "PNG" },
    { url: image.thumbUrl, contentType: "image/webp", magic: (b: Buffer) => b.subarray(8, 12).toString("latin1") === "WEBP" },
  ];
  expect(image.contentType).toBe("image/png");
  for (const v of variants) {
    const res = await request.get(v.url);
    expect(res.status(), v.url).toBe(200);
    const headers = res.headers();
    expect(headers["content-type"], v.url).toBe(v.contentType);
    expect(headers["x-content-type-options"], v.url).toBe("nosniff");
    const maxAge = Number(/max-age=(\d+)/.exec(headers["cache-control"] ?? "")?.[1] ?? "0");
    expect(maxAge, `${v.url} cache-control: ${headers["cache-control"]}`).toBeGreaterThanOrEqual(30 * 24 * 3600);
    const bytes = await res.body();
    expect(v.magic(bytes), `${v.url} bytes match ${v.contentType}`).toBe(true);
  }
});
