import { afterAll, beforeAll, expect, it } from "vitest";
import { failJob, getJob } from "@/lib/db/job-queries";
import { resetEnvForTests } from "@/lib/env";
import { toApiJob } from "@/lib/jobs/serialize";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { dialects, type TestDatabase } from "@/lib/testing/test-databases";

/** Finding 10 of issue 9: a failure reason that quotes the key is never stored or returned with it. */
const KEY = "sk-empiriolabs-redaction-test-4f1e9c";
const saved = process.env.EMPIRIOLABS_API_KEY;
let t: TestDatabase;

beforeAll(async () => {
  process.env.EMPIRIOLABS_API_KEY = KEY;
  resetEnvForTests();
  t = await dialects[0].create();
});
afterAll(async () => {
  await t.close();
  if (saved === undefined) delete process.env.EMPIRIOLABS_API_KEY;
  else process.env.EMPIRIOLABS_API_KEY = saved;
  resetEnvForTests();
});

it("failJob stores the reason with the configured key and any bearer token redacted", async () => {
  const job = await insertTestJob(t.db, { status: "queued" });
  await failJob(t.db, job.id, "generation_failed", `bad request with key ${KEY}; header Authorization: Bearer tok_live_123`, new Date());
  const row = await getJob(t.db, job.id);
  expect(row?.errorMessage).toBe("bad request with key [redacted]; header Authorization: Bearer [redacted]");
  expect(JSON.stringify(row)).not.toContain(KEY);
});

it("a row stored before redaction is redacted on the way out", async () => {
  const job = await insertTestJob(t.db, { status: "failed", errorCode: "x", errorMessage: `echo ${KEY} and sk-other-abcdef123456` });
  const api = toApiJob(job, [], []);
  expect(api.error?.message).toBe("echo [redacted] and sk-[redacted]");
});

it("keeps long reasons readable: at most 1,000 characters are stored", async () => {
  const job = await insertTestJob(t.db, { status: "queued" });
  await failJob(t.db, job.id, "generation_failed", "x".repeat(5000), new Date());
  expect((await getJob(t.db, job.id))?.errorMessage).toHaveLength(1000);
});
