#!/usr/bin/env node
/**
 * The layering rule of DESIGN.md §4, run by `npm run lint`. It reads every import of the app's
 * source (app/, components/, lib/, bench/, proxy.ts, instrumentation.ts) with TypeScript's own
 * parser and fails on:
 *
 * 1. A folder cycle: the folders of lib/ (lib/gallery, lib/jobs, …; a top-level file such as
 *    lib/errors.ts is a node of its own, one with its lib/errors/ folder if there is one) form a
 *    graph, an edge for each import from one into another, and that graph must have no cycle.
 *    lib/gallery → lib/jobs → lib/gallery fails even when no two files import each other.
 *    Type-only imports count: they tie the folders together as much as any other.
 *    Test files (*.test.ts) are left out: nothing imports them, so they cannot close a real cycle,
 *    and they may use lib/testing, which imports what it tests.
 * 2. An upward import: nothing in lib/ imports app/ or components/ (they import lib/, never back).
 * 3. Raw table access outside lib/db: only lib/db may import the tables (@/lib/db/schema) or
 *    Drizzle's query builders (drizzle-orm, drizzle-orm/*) as values. A type-only import of a
 *    row type (`import type { JobRow } from "@/lib/db/schema"`) is allowed anywhere: it reads no
 *    table. Tests and lib/testing (fixtures that seed and inspect test databases) are exempt, and
 *    so is scripts/ (not scanned: tooling such as the gallery seeder writes rows directly).
 *
 * Exit code 0 when all hold; 1 with one line per finding, naming the file, line and import.
 * `node scripts/check-layers.mjs [root]` checks another tree (the default is this repo).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const SCANNED = ["app", "components", "lib", "bench", "proxy.ts", "instrumentation.ts"];
const SOURCE = /\.(ts|tsx|mts|mjs|js|jsx)$/;
const TEST = /\.test\.(ts|tsx)$/;

function listFiles(rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return SOURCE.test(rel) ? [rel] : [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "node_modules" || e.name.startsWith(".")) return [];
    return listFiles(path.posix.join(rel, e.name));
  });
}

/** Every import of a file: specifier, line, and whether it brings in types only. */
function importsOf(rel) {
  const text = fs.readFileSync(path.join(root, rel), "utf8");
  const file = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, false, rel.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  const add = (node, spec, typeOnly, names) => out.push({ spec, typeOnly, names, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && named.length > 0 && named.every((e) => e.isTypeOnly))));
      const names = named.map((e) => e.name.text);
      if (clause?.name) names.unshift(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.push(`* as ${clause.namedBindings.name.text}`);
      add(node, node.moduleSpecifier.text, typeOnly, names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : [];
      const typeOnly = node.isTypeOnly || (named.length > 0 && named.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier.text, typeOnly, named.map((e) => e.name.text));
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      // import("…") and require("…")
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require")) {
        add(node, node.arguments[0].text, false, []);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true, []); // import("…").Type
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The repo path an import points at (without extension), or null for a package. */
function target(fromRel, spec) {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith("./") || spec.startsWith("../")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), spec));
  return null;
}

/** The node of the folder graph a repo path belongs to: lib/<folder>, or lib/<file> without extension. */
function libNode(p) {
  const parts = p.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return `lib/${parts[1].replace(SOURCE, "")}`;
}

const files = SCANNED.flatMap(listFiles);
const edges = new Map(); // from → Map(to → first evidence)
const findings = [];

for (const rel of files) {
  const isTest = TEST.test(rel);
  const inDb = rel.startsWith("lib/db/");
  const tableExempt = inDb || isTest || rel.startsWith("lib/testing/");
  for (const imp of importsOf(rel)) {
    const to = target(rel, imp.spec);
    const where = `${rel}:${imp.line}`;
    if (!tableExempt && !imp.typeOnly) {
      const isSchema = to !== null && to.replace(/\.(ts|js)$/, "") === "lib/db/schema";
      const isDrizzle = imp.spec === "drizzle-orm" || imp.spec.startsWith("drizzle-orm/");
      if (isSchema || isDrizzle) {
        const what = imp.names.length ? `{ ${imp.names.join(", ")} } from ` : "";
        findings.push(`table access outside lib/db: ${where} imports ${what}"${imp.spec}" (write a query function in lib/db; \`import type\` of a row type is allowed)`);
      }
    }
    if (to === null || isTest) continue;
    const from = libNode(rel);
    if (from && (to.startsWith("app/") || to.startsWith("components/"))) {
      findings.push(`upward import: ${where} imports "${imp.spec}" (lib/ must not import app/ or components/)`);
    }
    const dest = libNode(to);
    if (!from || !dest || from === dest) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(dest)) edges.get(from).set(dest, `${where} imports "${imp.spec}"`);
  }
}

// Strongly connected components (Tarjan); each with more than one folder holds a cycle.
const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])])].sort();
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
let counter = 0;
function strongConnect(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
    if (!index.has(w)) {
      strongConnect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const v of nodes) if (!index.has(v)) strongConnect(v);

/** One shortest cycle through `start` inside its component, as a list of folders. */
function cycleThrough(start, members) {
  const inside = new Set(members);
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const pathBack = [v];
        while (prev.get(pathBack[0])) pathBack.unshift(prev.get(pathBack[0]));
        return [...pathBack, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

for (const members of components) {
  // The shortest cycles first, until every folder of the knot is in one that is shown.
  const cycles = members.map((m) => cycleThrough(m, members)).sort((a, b) => a.length - b.length);
  const shown = new Set();
  for (const cycle of cycles) {
    if (cycle.every((f) => shown.has(f))) continue;
    cycle.forEach((f) => shown.add(f));
    const lines = cycle.slice(1).map((to, i) => `    ${cycle[i]} → ${to}: ${edges.get(cycle[i]).get(to)}`);
    findings.push(`folder cycle: ${cycle.join(" → ")}\n${lines.join("\n")}`);
  }
}

if (findings.length > 0) {
  for (const f of findings) console.error(`check-layers: ${f}`);
  console.error(`check-layers: ${findings.length} problem${findings.length === 1 ? "" : "s"} in ${files.length} files (the rule: scripts/check-layers.mjs)`);
  process.exit(1);
}
console.log(`check-layers: ${files.length} files, ${nodes.length} lib folders, no folder cycle, no table access outside lib/db`);
