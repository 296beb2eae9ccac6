/**
 * The app's routes as the file tree under app/ declares them (read at test time, so the fuzz
 * run always covers what the build serves): route handlers with the methods they export, pages
 * (GET), and metadata files such as icon.svg. Route groups "(app)" add no path segment.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface DiscoveredRoute {
  /** "/api/images/[id]/file": the path with its dynamic segments still in brackets. */
  pattern: string;
  /** Methods the route answers by design (a page: GET). */
  methods: string[];
  /** Methods that declare a body to the guard (`handleRoute({ body: … })`). */
  bodyMethods: string[];
  kind: "route" | "page" | "metadata";
}

const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;
const BODY_EXPORT = /export const (POST|PUT|PATCH|DELETE) = handleRoute\(\{ body:/g;
const METADATA_FILE = /^(icon|apple-icon|favicon|opengraph-image|twitter-image)\.\w+$|^(robots\.txt|sitemap\.xml|manifest\.webmanifest)$/;

function urlOf(segments: string[]): string {
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s));
  return `/${kept.join("/")}`;
}

export function discoverRoutes(appDir: string): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, [...segments, entry.name]);
      } else if (/^route\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(METHOD_EXPORT)].map((m) => m[1]);
        const bodyMethods = [...source.matchAll(BODY_EXPORT)].map((m) => m[1]);
        found.push({ pattern: urlOf(segments), methods: [...new Set(methods)], bodyMethods, kind: "route" });
      } else if (/^page\.tsx?$/.test(entry.name)) {
        found.push({ pattern: urlOf(segments), methods: ["GET"], bodyMethods: [], kind: "page" });
      } else if (METADATA_FILE.test(entry.name)) {
        found.push({ pattern: urlOf([...segments, entry.name]), methods: ["GET"], bodyMethods: [], kind: "metadata" });
      }
    }
  };
  walk(appDir, []);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
