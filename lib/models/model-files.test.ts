import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listModels } from "@/lib/models/registry";

/**
 * The proof that models are data: for each registered model, the files that name its id. Only
 * its own folder may (the registry imports the definition, it does not spell the id), so adding
 * a model is its folder and one registry line, and retiring one touches nothing else.
 */
const ROOT = path.resolve(__dirname, "../..");
const SEARCHED = ["app", "components", "lib", "e2e", "scripts", "bench", "proxy.ts", "instrumentation.ts", "README.md", "SECURITY.md", "BENCHMARKS.md"];
const TEXT = /\.(ts|tsx|mjs|js|md|json|css)$/;

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return TEXT.test(entry) ? [entry] : [];
  return readdirSync(full).flatMap((name) => (name === "node_modules" || name.startsWith(".") ? [] : files(path.join(entry, name))));
}

const SOURCES = SEARCHED.flatMap(files).map((f) => ({ file: f.split(path.sep).join("/"), text: readFileSync(path.join(ROOT, f), "utf8") }));

function filesNaming(id: string): string[] {
  return SOURCES.filter((s) => s.text.includes(id)).map((s) => s.file).sort();
}

describe("files that name each registered model's id", () => {
  it("searches the whole source tree", () => {
    expect(SOURCES.length).toBeGreaterThan(500);
  });

  for (const model of listModels()) {
    it(`${model.label}: only its own folder`, () => {
      const naming = filesNaming(model.id);
      const folders = new Set(naming.map((f) => f.split("/").slice(0, 3).join("/")));
      expect(naming.length).toBeGreaterThan(0);
      expect([...folders]).toHaveLength(1);
      const [folder] = folders;
      expect(folder).toMatch(/^lib\/models\/[^/]+$/);
      expect(folder).not.toBe("lib/models/catalog");
      expect(naming.every((f) => f.startsWith(`${folder}/`))).toBe(true);
    });
  }
});
