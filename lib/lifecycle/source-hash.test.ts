import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceHash } from "../../scripts/source-hash.mjs";

/**
 * What `npm start` rebuilds for (scripts/source-hash.mjs), on a real git checkout and on the same
 * files outside git: a change to a source file or the lockfile changes the hash; a file saved
 * unchanged, a spec, a README or an ignored file does not; the same content hashes the same
 * whether committed, only edited, or walked without git.
 */
let root: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const git = (...args: string[]) => {
  const res = spawnSync("git", ["-C", root, "-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`git ${args.join(" ")}: ${res.stderr}`);
};
const hash = () => sourceHash(root).hash;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "nova-source-hash-"));
  write("app/page.tsx", "export default function Page() { return null; }\n");
  write("lib/thing.ts", "export const thing = 1;\n");
  write("package.json", '{ "name": "x" }\n');
  write("package-lock.json", '{ "lockfileVersion": 3 }\n');
  write("e2e/page.spec.ts", "// a browser test\n");
  write("lib/thing.test.ts", "// a unit test\n");
  write("README.md", "# x\n");
  write(".gitignore", "data/\n.next/\n");
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "one");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the source hash", () => {
  it("is read from git in a checkout, and stays put for a file saved unchanged or what never reaches the build", () => {
    expect(sourceHash(root).source).toBe("git");
    const before = hash();
    utimesSync(path.join(root, "app/page.tsx"), new Date(), new Date(Date.now() + 60_000));
    write("e2e/page.spec.ts", "// a browser test, edited\n");
    write("lib/thing.test.ts", "// edited\n");
    write("README.md", "# x, edited\n");
    write("data/pglite/x", "runtime data");
    write(".next/BUILD_ID", "abc");
    expect(hash()).toBe(before);
  });

  it.each([
    ["an edited source file", () => write("lib/thing.ts", "export const thing = 2;\n")],
    ["a new source file not added to git", () => write("lib/new-thing.ts", "export {};\n")],
    ["a deleted source file", () => rmSync(path.join(root, "lib/thing.ts"))],
    ["a changed lockfile", () => write("package-lock.json", '{ "lockfileVersion": 3, "packages": {} }\n')],
    ["a changed package.json", () => write("package.json", '{ "name": "y" }\n')],
  ])("changes with %s", (_what, change) => {
    const before = hash();
    change();
    expect(hash()).not.toBe(before);
  });

  it("is the same for the same content: edited then reverted, edited then committed, or walked outside git", () => {
    const original = hash();
    write("lib/thing.ts", "export const thing = 2;\n");
    const edited = hash();
    git("commit", "-qam", "two");
    expect(hash(), "committing what was built needs no build").toBe(edited);
    write("lib/thing.ts", "export const thing = 1;\n");
    git("commit", "-qam", "three");
    expect(hash()).toBe(original);

    const copy = mkdtempSync(path.join(os.tmpdir(), "nova-source-hash-copy-"));
    try {
      for (const rel of ["app", "lib", "e2e", "package.json", "package-lock.json", "README.md"]) cpSync(path.join(root, rel), path.join(copy, rel), { recursive: true });
      expect(sourceHash(copy)).toEqual({ hash: original, files: 4, source: "walk" });
      writeFileSync(path.join(copy, "lib/thing.ts"), readFileSync(path.join(copy, "lib/thing.ts"), "utf8") + "// more\n");
      expect(sourceHash(copy).hash).not.toBe(original);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
