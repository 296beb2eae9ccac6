import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { prepareDataDir, tightenModes } from "@/lib/storage/data-dir";

const originalUmask = process.umask();
afterEach(() => {
  process.umask(originalUmask);
});

const mode = (p: string) => statSync(p).mode & 0o777;

function layout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nova-datadir-"));
  mkdirSync(path.join(dir, "pglite/base"), { recursive: true });
  mkdirSync(path.join(dir, "blobs/outputs/j1"), { recursive: true });
  writeFileSync(path.join(dir, "pglite/base/1259"), "x");
  writeFileSync(path.join(dir, "pglite/pg_wal"), "x");
  writeFileSync(path.join(dir, "blobs/outputs/j1/0.png"), "png");
  writeFileSync(path.join(dir, "blobs/outputs/j1/.0.png.0123456789ab.tmp"), "half");
  writeFileSync(path.join(dir, "blobs/outputs/j1/.keep"), "not ours to sweep");
  for (const p of ["pglite", "pglite/base", "blobs", "blobs/outputs", "blobs/outputs/j1"]) chmodSync(path.join(dir, p), 0o777);
  for (const p of ["pglite/base/1259", "pglite/pg_wal", "blobs/outputs/j1/0.png"]) chmodSync(path.join(dir, p), 0o666);
  return dir;
}

it("makes folders 0700 and files 0600, and sweeps interrupted writes", async () => {
  const dir = layout();
  const report = await prepareDataDir(dir, { shared: false });
  for (const p of ["", "pglite", "pglite/base", "blobs/outputs/j1"]) expect(mode(path.join(dir, p)), p || ".").toBe(0o700);
  for (const p of ["pglite/base/1259", "pglite/pg_wal", "blobs/outputs/j1/0.png", "blobs/outputs/j1/.keep"]) expect(mode(path.join(dir, p)), p).toBe(0o600);
  expect(existsSync(path.join(dir, "blobs/outputs/j1/.0.png.0123456789ab.tmp"))).toBe(false);
  expect(existsSync(path.join(dir, "blobs/outputs/j1/0.png"))).toBe(true);
  expect(report.sweptTempFiles).toBe(1);
  expect(report.tightened).toBeGreaterThanOrEqual(8);
  expect((await prepareDataDir(dir, { shared: false })).tightened, "a second start has nothing to do").toBe(0);
});

it("sets the umask, so files created afterwards are private too", async () => {
  const dir = layout();
  await prepareDataDir(dir, { shared: false });
  writeFileSync(path.join(dir, "new-file"), "x", { mode: 0o666 });
  mkdirSync(path.join(dir, "new-dir"), { mode: 0o777 });
  expect(mode(path.join(dir, "new-file"))).toBe(0o600);
  expect(mode(path.join(dir, "new-dir"))).toBe(0o700);
});

it("with a shared folder (DATABASE_URL), keeps temporary files that may belong to a live instance", async () => {
  const dir = layout();
  const fresh = path.join(dir, "blobs/outputs/j1/.1.png.aaaaaaaaaaaa.tmp");
  writeFileSync(fresh, "writing now");
  const old = path.join(dir, "blobs/outputs/j1/.0.png.0123456789ab.tmp");
  const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
  utimesSync(old, tenMinutesAgo, tenMinutesAgo);
  await prepareDataDir(dir, { shared: true });
  expect(existsSync(fresh)).toBe(true);
  expect(existsSync(old)).toBe(false);
});

it("neither follows nor changes symbolic links, and a missing folder is fine", async () => {
  const dir = layout();
  const outside = mkdtempSync(path.join(os.tmpdir(), "nova-outside-"));
  chmodSync(outside, 0o755);
  symlinkSync(outside, path.join(dir, "link"));
  await prepareDataDir(dir, { shared: false });
  expect(mode(outside)).toBe(0o755);
  await expect(prepareDataDir(path.join(dir, "does-not-exist"), { shared: false })).resolves.toEqual({ tightened: 0, sweptTempFiles: 0 });
});

it("tightenModes brings a folder written with explicit modes (as PGlite writes its database) to 0700/0600", async () => {
  const dir = layout();
  expect(await tightenModes(path.join(dir, "pglite"))).toBe(4);
  for (const p of ["pglite", "pglite/base"]) expect(mode(path.join(dir, p))).toBe(0o700);
  expect(mode(path.join(dir, "pglite/pg_wal"))).toBe(0o600);
  expect(mode(path.join(dir, "blobs")), "outside the folder: untouched").toBe(0o777);
});
