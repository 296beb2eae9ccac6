import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedEmbeddedInstall, type SeededInstall } from "@/lib/testing/embedded-install";
import { createEmptyDatabase } from "@/lib/testing/new-database";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { S3RVER_CREDENTIALS, startS3Server } from "@/lib/testing/s3-server";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";

/**
 * scripts/move.ts as a person runs it (`npm run move -- …`): a child process, its output and its
 * exit code. The password in the URL must appear nowhere in what it prints.
 */

withTempDataDir("move-cli");

const PASSWORD = "pw-never-printed";
let install: SeededInstall;
let server: PostgresServer;

beforeAll(async () => {
  install = await seedEmbeddedInstall(process.env.DATA_DIR!, { images: 3 });
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** A new empty database, as a URL carrying a password (the test server trusts every login). */
async function newDatabaseUrl(): Promise<string> {
  return (await createEmptyDatabase(server.url, "cli")).replace("postgres@", `postgres:${PASSWORD}@`);
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  return new Promise((resolve) => {
    execFile(tsx, ["--conditions=react-server", "scripts/move.ts", ...args], { env: { ...process.env, ...env, DATA_DIR: install.dataDir, LOG_LEVEL: "warn" } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

it("moves, prints progress and a verified summary, exits 0, and never prints the password", async () => {
  const url = await newDatabaseUrl();
  const first = await runCli(["--to-database", url]);
  expect(first.stderr).not.toContain(PASSWORD);
  expect(first.stdout).not.toContain(PASSWORD);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain(`postgres:***@127.0.0.1:${server.port}/`);
  expect(first.stdout).toMatch(/^rows {2}jobs \d+\/\d+ \(\d+ new\)$/m);
  expect(first.stdout).toMatch(/^moved and verified in [\d.]+ s$/m);

  const again = await runCli([`--to-database=${url}`]);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain("carrying on");
  expect(again.stdout).toMatch(/, 0 written by this run$/m);
  expect(again.stdout + again.stderr).not.toContain(PASSWORD);
});

it("exits 1 with the reason when the target is not empty, 2 on a bad command line", async () => {
  const url = await newDatabaseUrl();
  const first = await runCli(["--to-database", url]);
  expect(first.code).toBe(0);
  const other = await seedOtherRow(url);
  expect(other).toBe(1);
  const refused = await runCli(["--to-database", url]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^move: failed: the target database is not empty: .*settings: 1/m);
  expect(refused.stdout + refused.stderr).not.toContain(PASSWORD);

  const usage = await runCli(["--to-database", "mysql://u:secret-word@h/db"]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("usage: npm run move");
  expect(usage.stderr).not.toContain("secret-word");
});

it("--to-s3 moves the blobs into the bucket of the S3_* settings, printing no credential", async () => {
  const s3 = await startS3Server();
  try {
    const env = { ...s3.env, S3_PREFIX: "cli/" };
    const moved = await runCli(["--to-database", await newDatabaseUrl(), "--to-s3"], env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`target blobs: s3://${s3.bucket}/cli/ at ${s3.endpoint}`);
    expect(moved.stdout).toMatch(new RegExp(`^blobs: ${install.blobs} \\(.*${install.blobs} copied, 0 there already; ${install.blobs} of ${install.blobs} read back with the same sha256$`, "m"));
    const printed = moved.stdout + moved.stderr;
    for (const secret of [S3RVER_CREDENTIALS.secretAccessKey, PASSWORD]) expect(printed).not.toContain(secret);

    const noBucket = await runCli(["--to-s3"], { ...env, S3_BUCKET: "" });
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toMatch(/^move: failed: --to-s3 needs S3_BUCKET/m);
  } finally {
    await s3.stop();
  }
});

async function seedOtherRow(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`insert into settings (key, value) values ('theme', '"dark"')`)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}
