/**
 * `npm run move` of an embedded install with 1,000 images into PostgreSQL + S3 (issue 13's
 * acceptance): the real command as a child process, killed with SIGKILL halfway and run again.
 *
 *   npm run bench:move            (BENCH_MOVE_IMAGES=1000 by default)
 *
 * 1. Builds an embedded install (lib/testing/embedded-install.ts): 1,000 distinct 32×32 PNGs with
 *    WebP thumbnails in 200 completed runs, inputs with lineage, shares, a session, the ledger,
 *    a sweep, prompt history, settings and the key files; PGlite in $DATA_DIR/pglite.
 * 2. Starts PostgreSQL (Debian's server, as the tests do) and s3rver (in a child process).
 * 3. "clean": one uninterrupted `npm run move -- --to-database … --to-s3` into an empty database
 *    and bucket prefix: the throughput figures.
 * 4. "resumed": the same into another database and prefix, SIGKILLed (whole process group) when
 *    it reports half the blobs copied; run again and SIGKILLed once it reports its first table of
 *    rows; run a third time to the end.
 * 5. Checks both targets itself, without trusting the command's own verification: row counts per
 *    table, no duplicate (ledger entries per run and kind, image slots per run), the app's gallery
 *    pages, spend and lineage read through lib/db equal the source's, and every object under the
 *    prefix has the sha256 of the source file with its key (none missing, none extra).
 *
 * Exits 0 when every check holds, 1 otherwise.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import { createDatabase } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { countDuplicates, countTableRows, readAppView, seedEmbeddedInstall, type AppView, type SeededInstall } from "@/lib/testing/embedded-install";
import { createEmptyDatabase } from "@/lib/testing/new-database";
import { startPostgres } from "@/lib/testing/postgres-server";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { intOption } from "./lib/options";
import { loadLine, machineLine, table } from "./lib/print";
import { cleanupAll, killAllSync, makeTempDir, onCleanup } from "./lib/processes";

const IMAGES = intOption("BENCH_MOVE_IMAGES", 1000, 5, 100_000);

interface Run {
  label: string;
  /** The progress line that triggered the SIGKILL. */
  killedAt: string | null;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** The command's own "moved and verified in X s" (its work, without npm/tsx start-up). */
  moveSeconds: number | null;
  rowsWritten: number | null;
  blobsCopied: number | null;
  blobsThere: number | null;
  /** Phase times from the summary's "time:" line. */
  rowsSeconds: number | null;
  blobsSeconds: number | null;
  verifySeconds: number | null;
  output: string;
}

/** Runs `npm run move` in its own process group; `killWhen` sees each output line and may ask for SIGKILL. */
function runMove(label: string, args: string[], env: NodeJS.ProcessEnv, killWhen?: (line: string) => boolean): Promise<Run> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "move", "--", ...args], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const unregister = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
  });
  let output = "";
  let partial = "";
  let killed = false;
  let killedAt: string | null = null;
  child.stdout.on("data", (d: Buffer) => {
    output += d.toString();
    partial += d.toString();
    const lines = partial.split("\n");
    partial = lines.pop()!;
    for (const line of lines) {
      if (!killed && killWhen?.(line)) {
        killed = true;
        killedAt = line;
        process.kill(-child.pid!, "SIGKILL");
      }
    }
  });
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  return new Promise((resolve) => {
    child.once("close", (code, signal) => {
      unregister();
      if (code !== 0 && signal === null) console.log(`--- ${label} exited ${code}; its output ends with:\n${output.trimEnd().split("\n").slice(-25).join("\n")}\n---`);
      const num = (re: RegExp) => {
        const m = re.exec(output);
        return m ? Number(m[1]) : null;
      };
      resolve({
        label,
        killedAt,
        code,
        signal,
        seconds: (performance.now() - started) / 1000,
        moveSeconds: num(/^moved and verified in ([\d.]+) s$/m),
        rowsWritten: num(/^rows: \d+ in \d+ tables, (\d+) written by this run$/m),
        blobsCopied: num(/^blobs: \d+ \(.*\) to .*: (\d+) copied/m),
        blobsThere: num(/^blobs: .*copied, (\d+) there already/m),
        rowsSeconds: num(/^time: rows ([\d.]+) s/m),
        blobsSeconds: num(/^time: .*blobs ([\d.]+) s/m),
        verifySeconds: (() => {
          const m = /^time: rows [\d.]+ s \+ verify ([\d.]+) s, blobs [\d.]+ s \+ verify ([\d.]+) s$/m.exec(output);
          return m ? Number(m[1]) + Number(m[2]) : null;
        })(),
        output,
      });
    });
  });
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The install's files by key, with their sha256. */
async function sourceBlobs(dataDir: string): Promise<Map<string, string>> {
  const root = path.join(dataDir, "blobs");
  const out = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.startsWith(".")) continue;
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(root, file).split(path.sep).join("/"), sha256(await readFile(file)));
  }
  return out;
}

/** Every object under the prefix, by key (prefix removed), with the sha256 of its bytes. */
async function bucketBlobs(s3: S3Server, prefix: string): Promise<Map<string, string>> {
  const client = new S3Client(s3.clientConfig);
  const out = new Map<string, string>();
  try {
    for (let marker: string | undefined; ; ) {
      const page = await client.send(new ListObjectsCommand({ Bucket: s3.bucket, Prefix: prefix, Marker: marker }));
      for (const o of page.Contents ?? []) {
        const got = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: o.Key! }));
        out.set(o.Key!.slice(prefix.length), sha256(await got.Body!.transformToByteArray()));
      }
      if (!page.IsTruncated) break;
      marker = page.Contents!.at(-1)!.Key; // v1: s3rver 3.7.1 answered ListObjectsV2 with a 500 once the bucket held 1,100 objects
    }
  } finally {
    client.destroy();
  }
  return out;
}

interface Check {
  label: string;
  ok: boolean;
  detail: string;
}

async function checkTarget(name: string, url: string, s3: S3Server, prefix: string, source: { counts: Record<string, number>; view: AppView; blobs: Map<string, string> }, install: SeededInstall): Promise<Check[]> {
  const expected: Record<string, number> = { ...source.counts, secrets: source.counts.secrets + 3 }; // the three key files become rows
  const handle = await createDatabase({ databaseUrl: url, dataDir: makeTempDir("move-view") });
  let view: AppView;
  let counts: Record<string, number>;
  let duplicates: number;
  try {
    counts = await countTableRows(handle.db);
    duplicates = await countDuplicates(handle.db);
    view = await readAppView(handle.db, install.childImageId, install.parentImageId);
  } finally {
    await handle.close();
  }
  const differing = Object.keys({ ...expected, ...counts }).filter((t) => expected[t] !== counts[t]);
  const same = JSON.stringify(view) === JSON.stringify(source.view);
  const inBucket = await bucketBlobs(s3, prefix);
  const wrongBlobs = [...source.blobs].filter(([k, h]) => inBucket.get(k) !== h).length;
  const extraBlobs = [...inBucket.keys()].filter((k) => !source.blobs.has(k)).length;
  return [
    { label: `${name}: rows per table`, ok: differing.length === 0, detail: differing.length ? `differ in ${differing.join(", ")}` : `${Object.values(counts).reduce((a, b) => a + b, 0)} rows in ${Object.keys(counts).length} tables, as the source (+3 keys)` },
    { label: `${name}: no duplicate`, ok: duplicates === 0, detail: `${duplicates} repeated (run, kind) ledger entries or (run, slot) images` },
    { label: `${name}: gallery, spend, lineage`, ok: same, detail: `${view.gallery.length} gallery images in ${view.cursors.length} pages, spend ${view.spend.allTimeMicros / 1e6} USD${same ? ", equal to the source's" : ", DIFFERENT from the source's"}` },
    { label: `${name}: blobs by sha256`, ok: wrongBlobs === 0 && extraBlobs === 0, detail: `${inBucket.size} objects under ${prefix}; ${wrongBlobs} missing or different, ${extraBlobs} extra` },
  ];
}

async function main(): Promise<number> {
  console.log(`machine: ${machineLine()}`);
  const dataDir = makeTempDir("move-install");
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();

  let t0 = performance.now();
  const install = await seedEmbeddedInstall(dataDir, { images: IMAGES });
  console.log(`install: ${IMAGES} images, ${install.blobs} blobs, built in ${((performance.now() - t0) / 1000).toFixed(1)} s in ${dataDir}`);
  const sourceHandle = await createDatabase({ dataDir });
  const source = {
    counts: await countTableRows(sourceHandle.db),
    view: await readAppView(sourceHandle.db, install.childImageId, install.parentImageId),
    blobs: await sourceBlobs(dataDir),
  };
  await sourceHandle.close();
  const totalRows = Object.values(source.counts).reduce((a, b) => a + b, 0);
  const blobBytes = (await Promise.all([...source.blobs.keys()].map(async (k) => (await readFile(path.join(dataDir, "blobs", k))).length))).reduce((a, b) => a + b, 0);
  console.log(`source: ${totalRows} rows in ${Object.keys(source.counts).length} tables, ${source.blobs.size} blobs (${(blobBytes / 2 ** 20).toFixed(2)} MiB)`);

  t0 = performance.now();
  const pgServer = await startPostgres();
  onCleanup(() => pgServer.stop());
  const s3 = await startS3Server({ bucket: "nova-move", separateProcess: true });
  onCleanup(() => s3.stop());
  console.log(`servers: PostgreSQL and s3rver up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(loadLine());

  const envFor = (prefix: string): NodeJS.ProcessEnv => ({ ...process.env, ...s3.env, S3_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const runs: Run[] = [];

  const cleanUrl = await createEmptyDatabase(pgServer.url, "move_clean");
  runs.push(await runMove("clean", ["--to-database", cleanUrl, "--to-s3"], envFor("clean/")));

  const half = Math.ceil(source.blobs.size / 2);
  const resumedUrl = await createEmptyDatabase(pgServer.url, "move_resumed");
  const resumeArgs = ["--to-database", resumedUrl, "--to-s3"];
  runs.push(await runMove("resumed 1 (SIGKILL at half the blobs)", resumeArgs, envFor("resumed/"), (l) => Number(/^blobs (\d+)\//.exec(l)?.[1] ?? 0) >= half));
  runs.push(await runMove("resumed 2 (SIGKILL at the first table of rows)", resumeArgs, envFor("resumed/"), (l) => /^rows {2}\S+ \d+\/\d+ \(\d+ new\)$/.test(l) && !/ 0\/0 /.test(l)));
  runs.push(await runMove("resumed 3 (to the end)", resumeArgs, envFor("resumed/")));

  console.log("");
  const f = (n: number | null, digits = 1) => (n === null ? "-" : n.toFixed(digits));
  table(
    ["run", "exit", "wall s", "move s", "rows written", "rows s", "blobs copied", "there", "blobs s", "blobs/s", "MiB/s", "verify s"],
    runs.map((r) => [
      r.label,
      r.signal ?? String(r.code),
      r.seconds.toFixed(1),
      f(r.moveSeconds),
      r.rowsWritten ?? "-",
      f(r.rowsSeconds),
      r.blobsCopied ?? "-",
      r.blobsThere ?? "-",
      f(r.blobsSeconds),
      r.blobsCopied === null || !r.blobsSeconds ? "-" : (r.blobsCopied / r.blobsSeconds).toFixed(0),
      r.blobsCopied === null || !r.blobsSeconds ? "-" : ((blobBytes * (r.blobsCopied / source.blobs.size)) / 2 ** 20 / r.blobsSeconds).toFixed(2),
      f(r.verifySeconds),
    ]),
  );
  console.log("wall s: the whole command (npm, tsx, opening PGlite, migrating); move s: its own work; verify s: rows and blobs read back");
  for (const r of runs.filter((x) => x.killedAt)) console.log(`${r.label}: killed on "${r.killedAt}"`);
  const last = runs[runs.length - 1];
  const checks: Check[] = [
    { label: "clean run exits 0", ok: runs[0].code === 0, detail: `exit ${runs[0].code}` },
    { label: "resumed runs 1 and 2 were killed", ok: runs[1].signal === "SIGKILL" && runs[2].signal === "SIGKILL", detail: `${runs[1].signal}, ${runs[2].signal}` },
    { label: "resumed run 3 exits 0", ok: last.code === 0, detail: `exit ${last.code}; ${last.blobsThere} blobs there already, ${last.blobsCopied} copied; ${last.rowsWritten} rows written` },
    ...(await checkTarget("clean", cleanUrl, s3, "clean/", source, install)),
    ...(await checkTarget("resumed", resumedUrl, s3, "resumed/", source, install)),
  ];
  console.log("");
  for (const c of checks) console.log(`CHECK ${c.label}: ${c.detail} ${c.ok ? "PASS" : "FAIL"}`);
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n${checks.length - failed.length} of ${checks.length} checks held.`);
  return failed.length === 0 ? 0 : 1;
}

process.once("exit", killAllSync);
main().then(
  async (code) => {
    await cleanupAll();
    process.exit(code);
  },
  async (e) => {
    await cleanupAll();
    console.error(e);
    process.exit(1);
  },
);
