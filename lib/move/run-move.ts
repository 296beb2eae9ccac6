import "server-only";
import path from "node:path";
import { copyBlobs, verifyBlobs, type BlobCheck, type BlobCopy } from "@/lib/move/blob-copier";
import { listSourceBlobs } from "@/lib/move/blob-keys";
import { MoveError, MoveStopped } from "@/lib/move/move-error";
import { openSource } from "@/lib/move/open-source";
import { openTargetDatabase } from "@/lib/move/open-target";
import { assertSamePlan, planTables, type TablePlan } from "@/lib/move/plan";
import { redactUrl } from "@/lib/move/redact-url";
import { checkTables, type TableCheck } from "@/lib/move/row-check";
import { copyTable, type TableCopy } from "@/lib/move/row-copier";
import { jsonRowHashes, rowHashes } from "@/lib/move/row-hashes";
import { readSecretFiles, type SecretRow } from "@/lib/move/secret-files";
import { checkSequences, setSequencesPastMax, type SequenceCheck } from "@/lib/move/sequences";
import type { SqlConn } from "@/lib/move/sql-conn";
import { createLocalBlobStore, type BlobStore } from "@/lib/storage";

export interface BlobTarget {
  store: BlobStore;
  /** How the summary names it (`s3://bucket/prefix/`), without credentials. */
  label: string;
}

export interface MoveOptions {
  /** The install's data folder: PGlite in `pglite/`, files in `blobs/`, keys in `secrets/`. */
  dataDir: string;
  /** postgres://… to copy the rows into (migrated first). */
  toDatabase?: string;
  /** Where to copy the blobs; unset: they stay in `$DATA_DIR/blobs`. */
  toBlobs?: BlobTarget;
  /** Add to a target that holds rows of its own (otherwise refused). */
  intoNonEmpty?: boolean;
  migrationsFolder?: string;
  /** Rows per INSERT. */
  pageSize?: number;
  /** Blobs read and written at once. */
  blobConcurrency?: number;
  /** Progress, one line at a time. */
  log?: (line: string) => void;
  /** Tests only: stop with MoveStopped once this many rows / blobs were copied, as a killed run would. */
  stopAfter?: { rows?: number; blobs?: number };
}

export interface MoveResult {
  ok: boolean;
  /** Why it is not ok, one line each. */
  problems: string[];
  /** Worth knowing, not a failure (blobs the rows name that the source had lost already). */
  warnings: string[];
  copies: TableCopy[];
  tables: TableCheck[];
  sequences: SequenceCheck[];
  blobs: (BlobCopy & { check: BlobCheck; target: string }) | null;
  /** Seconds spent copying and verifying rows and blobs (the rest is opening and migrating). */
  phases: { rows: number; verifyRows: number; blobs: number; verifyBlobs: number };
  seconds: number;
}

const PAGE_SIZE = 500;
const BLOB_CONCURRENCY = 8;

/**
 * Moves an embedded install (PGlite + files) into PostgreSQL and/or object storage: blobs first
 * (so that a row on the target never names a blob the target lacks), then rows in foreign-key
 * order, the `.key` files into `secrets`, sequences past the copied ids; then everything is
 * checked (rows by fingerprint, blobs read back by sha256). Safe to run again after an
 * interruption: the target then holds part of this install and nothing else, which is told apart
 * from a target with rows of its own (refused unless `intoNonEmpty`).
 */
export async function runMove(opts: MoveOptions): Promise<MoveResult> {
  if (!opts.toDatabase && !opts.toBlobs) throw new MoveError("nothing to move to: give --to-database postgres://… and/or --to-s3");
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const stops = stopCounters(opts.stopAfter);
  const result: MoveResult = {
    ok: false,
    problems: [],
    warnings: [],
    copies: [],
    tables: [],
    sequences: [],
    blobs: null,
    phases: { rows: 0, verifyRows: 0, blobs: 0, verifyBlobs: 0 },
    seconds: 0,
  };
  const timed = async <T>(phase: keyof MoveResult["phases"], work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      result.phases[phase] += (performance.now() - t0) / 1000;
    }
  };

  const source = await openSource(opts.dataDir, opts.migrationsFolder);
  let target: Awaited<ReturnType<typeof openTargetDatabase>> | undefined;
  try {
    source.notes.forEach(log);
    const plan = await planTables(source.conn);
    let expected = new Map<string, string[]>();
    let fileSecrets: SecretRow[] = [];
    if (opts.toDatabase) {
      ({ expected, fileSecrets } = await readSourceRows(source.conn, plan, opts.dataDir));
      const rows = [...expected.values()].reduce((n, h) => n + h.length, 0);
      log(`source: ${opts.dataDir} (embedded database, ${rows} rows in ${plan.length} tables)`);
      const unfinished = await unfinishedRuns(source.conn);
      if (unfinished > 0) {
        result.warnings.push(
          `${unfinished} runs were not finished; the app on the target carries on with them (those of the built-in offline engine only if it runs with this DATA_DIR, where the engine keeps them)`,
        );
      }
      target = await openTargetDatabase(opts.toDatabase, opts.migrationsFolder);
      assertSamePlan(plan, await planTables(target.conn));
      log(`target database: ${redactUrl(opts.toDatabase)} (migrated) — ${await describeTarget(target.conn, plan, expected, opts.intoNonEmpty === true)}`);
    }

    if (opts.toBlobs) {
      result.blobs = await moveBlobs(source.conn, opts, stops, result, log, timed);
      if (result.blobs.conflicts.length > 0) {
        throw new MoveError(
          `${result.blobs.conflicts.length} blobs are in ${opts.toBlobs.label} already with other bytes (first: ${result.blobs.conflicts[0]}); ` +
            "the move never overwrites: use an empty bucket or another S3_PREFIX",
        );
      }
    } else {
      log(`blobs: not moved (no --to-s3); the app on the target reads them from ${path.join(opts.dataDir, "blobs")}`);
    }

    if (target) {
      const t0 = performance.now();
      for (const table of plan) {
        const copy = await copyTable(source.conn, target.conn, table, {
          pageSize: opts.pageSize ?? PAGE_SIZE,
          onPage: (done, inserted, pageRows) => {
            if (done % (20 * (opts.pageSize ?? PAGE_SIZE)) === 0) log(`rows  ${table.name} ${done}…`);
            stops.rows(pageRows);
          },
        });
        result.copies.push(copy);
        log(`rows  ${table.name} ${copy.rows}/${copy.rows} (${copy.inserted} new)`);
      }
      if (fileSecrets.length > 0) {
        await target.conn.query(
          `insert into secrets (name, value) select name, value from jsonb_to_recordset($1::jsonb) as f(name text, value text) on conflict do nothing`,
          [JSON.stringify(fileSecrets)],
        );
        log(`secrets: ${fileSecrets.map((s) => s.name).join(", ")} from ${path.join(opts.dataDir, "secrets")}/*.key`);
      }
      await setSequencesPastMax(target.conn, plan);
      result.phases.rows = (performance.now() - t0) / 1000;

      log("verify: rows of every table by fingerprint");
      const conn = target.conn;
      result.tables = await timed("verifyRows", () => checkTables(conn, plan, expected));
      result.sequences = await checkSequences(target.conn, plan);
      for (const t of result.tables) {
        if (t.missing > 0) result.problems.push(missingRowsProblem(t));
        if (t.extra > 0 && !opts.intoNonEmpty) result.problems.push(`${t.table}: the target holds ${t.extra} rows that are not this install's`);
      }
      for (const s of result.sequences) if (!s.ok) result.problems.push(`sequence of ${s.sequence} gives ${s.next} next, not past the largest id ${s.maxId}`);
    }
    if (result.blobs) {
      const { check } = result.blobs;
      if (check.wrong.length > 0) result.problems.push(`${check.wrong.length} blobs in ${result.blobs.target} are missing or differ from the source (first: ${check.wrong[0]})`);
    }
    result.ok = result.problems.length === 0;
    return result;
  } finally {
    result.seconds = (performance.now() - started) / 1000;
    await target?.close().catch(() => {});
    await source.close();
  }
}

/** Fingerprints of every source row, plus the `.key` files the source's `secrets` table lacks. */
async function readSourceRows(source: SqlConn, plan: readonly TablePlan[], dataDir: string) {
  const expected = new Map<string, string[]>();
  for (const t of plan) expected.set(t.name, await rowHashes(source, t));
  const secretsTable = plan.find((t) => t.name === "secrets");
  let fileSecrets: SecretRow[] = [];
  if (secretsTable) {
    const inTable = new Set((await source.query<{ name: string }>("select name from secrets")).map((r) => r.name));
    fileSecrets = (await readSecretFiles(dataDir)).filter((s) => !inTable.has(s.name));
    const merged = [...expected.get("secrets")!, ...(await jsonRowHashes(source, secretsTable, fileSecrets.map((s) => ({ ...s }))))].sort();
    expected.set("secrets", merged);
  }
  return { expected, fileSecrets };
}

/**
 * Empty, a part of this install (an interrupted run: carry on), or rows of its own (refused
 * unless intoNonEmpty, naming the tables).
 */
async function describeTarget(target: SqlConn, plan: readonly TablePlan[], expected: ReadonlyMap<string, string[]>, intoNonEmpty: boolean): Promise<string> {
  const checks = await checkTables(target, plan, expected);
  const present = checks.reduce((n, c) => n + c.target, 0);
  const foreign = checks.filter((c) => c.extra > 0);
  if (present === 0) return "empty";
  if (foreign.length === 0) {
    const all = [...expected.values()].reduce((n, h) => n + h.length, 0);
    return `holds ${present} of this install's ${all} rows (an earlier run): carrying on`;
  }
  const list = foreign.map((c) => `${c.table}: ${c.extra}`).join(", ");
  if (!intoNonEmpty) {
    throw new MoveError(
      `the target database is not empty: it holds rows that are not this install's (${list}). ` +
        "Move into an empty database, or pass --into-non-empty to add this install's rows to it (a row whose key it holds already is left as it is there, and the check then fails on it).",
    );
  }
  return `not empty (${list} rows of its own): adding to it (--into-non-empty)`;
}

/** Runs the tracker or the queue still owes an answer (lib/jobs): moved as they are. */
async function unfinishedRuns(source: SqlConn): Promise<number> {
  const [row] = await source.query<{ n: number }>(`select count(*)::int as n from jobs where status in ('waiting', 'submitting', 'queued', 'processing')`);
  return row.n;
}

function missingRowsProblem(t: TableCheck): string {
  if (t.table === "secrets") {
    return "secrets: the target holds other keys under the same names: share links and sessions of this install would not open there; move into an empty database";
  }
  return `${t.table}: ${t.missing} of the source's ${t.source} rows are missing from the target or differ there`;
}

type Timed = <T>(phase: keyof MoveResult["phases"], work: () => Promise<T>) => Promise<T>;

async function moveBlobs(source: SqlConn, opts: MoveOptions, stops: StopCounters, result: MoveResult, log: (line: string) => void, timed: Timed) {
  const to = opts.toBlobs!;
  const blobsDir = path.join(opts.dataDir, "blobs");
  try {
    await to.store.checkReady();
  } catch (e) {
    throw new MoveError((e as Error).message, { cause: e });
  }
  const listed = await listSourceBlobs(source, blobsDir);
  if (listed.missing.length > 0) result.warnings.push(`${listed.missing.length} blobs named by rows were already missing from ${blobsDir} (first: ${listed.missing[0]}); the target lacks them too`);
  if (listed.ignored.length > 0) result.warnings.push(`${listed.ignored.length} files in ${blobsDir} are not blob keys and were not copied (first: ${listed.ignored[0]})`);
  log(`target blobs: ${to.label} — ${listed.keys.length} blobs to copy from ${blobsDir}`);
  const step = Math.max(1, Math.ceil(listed.keys.length / 10));
  const concurrency = opts.blobConcurrency ?? BLOB_CONCURRENCY;
  const copy = await timed("blobs", () =>
    copyBlobs(createLocalBlobStore(blobsDir), to.store, listed.keys, {
      concurrency,
      onBlob: (done, c) => {
        if (done % step === 0 || done === c.total) log(`blobs ${done}/${c.total} (${c.copied} copied, ${c.alreadyThere} there already)`);
        stops.blobs(1);
      },
    }),
  );
  if (copy.conflicts.length > 0) return { ...copy, check: { checked: 0, wrong: [] }, target: to.label };
  log(`verify: reading ${copy.facts.size} blobs back from ${to.label}`);
  const check = await timed("verifyBlobs", () => verifyBlobs(to.store, copy.facts, { concurrency }));
  return { ...copy, check, target: to.label };
}

interface StopCounters {
  rows(n: number): void;
  blobs(n: number): void;
}

function stopCounters(limits: MoveOptions["stopAfter"]): StopCounters {
  let rows = 0;
  let blobs = 0;
  return {
    rows(n) {
      rows += n;
      if (limits?.rows !== undefined && rows >= limits.rows) throw new MoveStopped(`stopped after ${rows} rows`);
    },
    blobs(n) {
      blobs += n;
      if (limits?.blobs !== undefined && blobs >= limits.blobs) throw new MoveStopped(`stopped after ${blobs} blobs`);
    },
  };
}
