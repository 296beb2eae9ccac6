/**
 * What `npm start` (scripts/start.mjs) compares to decide whether to build: a hash of the source
 * that goes into the build, stored with the build in `.next/source-hash`.
 *
 * In a git checkout it is read from git, which has most of it already: `git ls-files -s` gives
 * every tracked file's content hash from the index, and `git ls-files -m -o` the files whose
 * working copy differs from it (edited, deleted, untracked but not ignored), whose content is
 * then hashed here. Outside git (an unpacked archive) the source folders are walked and every
 * file hashed. Either way package-lock.json is in it (a dependency changed), and so is the
 * content, not the modification time: a file saved unchanged, or a fresh clone of the same
 * commit, needs no build.
 *
 * Left out: what never reaches the build (tests, benchmarks, these scripts, documentation), so
 * that editing a spec or the README does not cost a rebuild at the next start.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Paths (relative, with "/") that are not build inputs; dot files and folders (.gitignore, .ci/) too. */
const NOT_BUILT = [/^\./, /^e2e\//, /^bench\//, /^scripts\//, /^docs\//, /\.md$/i, /\.test\.tsx?$/];
/** Outside git: the folders and root files walked. */
const SOURCE_DIRS = ["app", "components", "lib", "public", "drizzle"];
const SKIP_DIRS = new Set(["node_modules", ".next", "data", "test-results", "playwright-report"]);

const built = (rel) => !NOT_BUILT.some((re) => re.test(rel));

/**
 * A file's content as git names it (the blob id `git hash-object` prints), so a file reads the
 * same whether it comes from the index, the working tree or a walk: committing an edit that was
 * already built, or building from an archive of the same commit, changes nothing. Null: gone.
 */
function blobId(root, rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs) || !statSync(abs).isFile()) return null;
  const content = readFileSync(abs);
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

function git(root, args) {
  const res = spawnSync("git", ["--no-optional-locks", "-C", root, ...args], { encoding: "buffer", maxBuffer: 256 * 1024 * 1024 });
  return res.status === 0 ? res.stdout.toString("utf8") : null;
}

/** Path → blob id from git, or null when `root` is not (inside) a git checkout or git is missing. */
function fromGit(root) {
  const staged = git(root, ["ls-files", "-s", "-z"]);
  // Edited or deleted since the index (by content: a file only touched is not listed), and
  // untracked files git does not ignore (a new source file not added yet).
  const changed = staged === null ? null : git(root, ["ls-files", "-z", "-m", "-o", "--exclude-standard"]);
  if (staged === null || changed === null) return null;
  const files = new Map();
  for (const entry of staged.split("\0")) {
    // "<mode> <object> <stage>\t<path>"
    const match = /^\d+ ([0-9a-f]+) \d+\t(.+)$/s.exec(entry);
    if (match && built(match[2])) files.set(match[2], match[1]);
  }
  for (const rel of changed.split("\0")) {
    if (!rel || !built(rel)) continue;
    const id = blobId(root, rel);
    if (id) files.set(rel, id);
    else files.delete(rel);
  }
  return files;
}

/** Without git: every file of the source folders, and the files at the root. */
function fromWalk(root) {
  const files = new Map();
  const add = (rel) => {
    const id = blobId(root, rel);
    if (id) files.set(rel, id);
  };
  const walk = (rel) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith(".")) walk(child);
      else if (e.isFile() && built(child)) add(child);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(dir);
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (e.isFile() && built(e.name)) add(e.name);
  }
  return files;
}

/**
 * @param {string} root the project folder
 * @returns {{ hash: string, files: number, source: "git" | "walk" }}
 */
export function sourceHash(root) {
  const fromGitFiles = fromGit(root);
  const source = fromGitFiles ? "git" : "walk";
  const files = fromGitFiles ?? fromWalk(root);
  // Even where git ignores or does not track it: the lockfile decides what is installed.
  const lock = blobId(root, "package-lock.json");
  if (lock) files.set("package-lock.json", lock);
  const lines = [...files].map(([rel, id]) => `${id} ${rel}`).sort();
  return { hash: createHash("sha256").update(lines.join("\n")).digest("hex"), files: files.size, source };
}

export const SOURCE_HASH_FILE = path.join(".next", "source-hash");

/** The hash stored with the build in `root`, or null when there is none. */
export function storedHash(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, SOURCE_HASH_FILE), "utf8")).hash ?? null;
  } catch {
    return null;
  }
}
