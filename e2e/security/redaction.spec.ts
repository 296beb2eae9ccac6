import { expect, test } from "@playwright/test";
import { setEngineFaults, submitJob, textImageBody, waitForJobStatus } from "../support/api";
import { E2E } from "../support/env";

/**
 * Issue 9, finding 10: a gateway whose failure message echoes the request's key. The gateway-mode
 * app (key E2E.secretKey) sends a job to the standalone engine, told to fail it with a message
 * quoting that key and a bearer header; what the app stores and shows has both redacted.
 */
test.afterEach(async ({ request }) => {
  await setEngineFaults(request, "");
});

test("a failure message quoting the key is stored and shown redacted", async ({ request }) => {
  await setEngineFaults(request, `fail=upstream echo: key ${E2E.secretKey}, header Authorization: Bearer ${E2E.secretKey} refused`);
  const job = await submitJob(request, textImageBody({ prompt: "e2e echoed key" }), E2E.gatewayUrl);
  const failed = await waitForJobStatus(request, job.id, ["failed"], { baseUrl: E2E.gatewayUrl });
  expect(failed.error?.message).toBe("upstream echo: key [redacted], header Authorization: Bearer [redacted] refused");
  for (const path of [`/api/jobs/${job.id}`, "/api/jobs?limit=20", "/api/gallery"]) {
    const text = await (await request.get(`${E2E.gatewayUrl}${path}`)).text();
    expect(text, path).not.toContain(E2E.secretKey);
  }
});
