import type { CatalogParam, CatalogParamKind, CatalogValue } from "@/lib/models/catalog/catalog-model";
import { isObject, isSafeKey, own, readConditions, readInteger, readNumber, readString, type Json } from "@/lib/models/catalog/read-json";

/**
 * One `supported_parameters[]` item → a CatalogParam, or null with the reason given to `skip`.
 * The item's shape is [assumed, contract §7] (catalog-wire.ts WireParameter); common spellings
 * of the same idea (`minimum`/`min`, `enum`/`options`, `image[]`) are read too, because the
 * real shape is unknown and a readable parameter is worth more than a strict one.
 */
const TYPE_KINDS: Record<string, CatalogParamKind> = {
  string: "string",
  text: "string",
  integer: "integer",
  int: "integer",
  number: "number",
  float: "number",
  boolean: "boolean",
  bool: "boolean",
  enum: "enum",
  image: "image",
  "image-list": "image-list",
};

const MAX_OPTIONS = 200;
const MAX_ITEMS = 1000;

export function parseParam(raw: unknown, skip: (why: string) => void): CatalogParam | null {
  if (!isObject(raw)) return skip("is not an object"), null;
  const rawName = readString(raw, ["name", "key", "id"], 100);
  if (!rawName) return skip("has no name"), null;
  const listByName = rawName.endsWith("[]");
  const name = listByName ? rawName.slice(0, -2) : rawName;
  if (!isSafeKey(name) || !/^[A-Za-z0-9_.-]+$/.test(name)) return skip(`name ${JSON.stringify(rawName)} is not a parameter name`), null;

  const kind = kindOf(raw, listByName);
  if (!kind) return skip(`${name}: type ${JSON.stringify(own(raw, "type"))} is not understood`), null;
  const options = kind === "enum" ? readOptions(own(raw, "enum") ?? own(raw, "options") ?? own(raw, "values")) : [];
  if (kind === "enum" && options.length === 0) return skip(`${name}: an enum without values`), null;

  const { min, max } = boundsOf(raw, kind);
  const fallback = kind === "image-list" ? MAX_ITEMS : null;
  return {
    name,
    kind,
    description: readString(raw, ["description"], 500),
    required: own(raw, "required") === true,
    default: defaultOf(own(raw, "default"), kind, options),
    min,
    max,
    options,
    maxItems: kind === "image-list" ? (readInteger(own(raw, "max_items") ?? own(raw, "maxItems"), 1, MAX_ITEMS) ?? fallback) : null,
    ignored: own(raw, "ignored") === true,
    conditions: readConditions(own(raw, "conditions"), (why) => skip(`${name}: ${why}`)),
  };
}

function kindOf(raw: Json, listByName: boolean): CatalogParamKind | null {
  const type = typeof own(raw, "type") === "string" ? String(own(raw, "type")).toLowerCase() : "";
  const items = own(raw, "items");
  const itemType = isObject(items) && typeof own(items, "type") === "string" ? String(own(items, "type")).toLowerCase() : "";
  if (type === "array" || type === "list" || listByName) {
    return itemType === "image" || (listByName && (type === "image" || itemType === "")) ? "image-list" : null;
  }
  if (type === "image[]") return "image-list";
  if ((type === "string" || type === "") && Array.isArray(own(raw, "enum"))) return "enum";
  return TYPE_KINDS[type] ?? null;
}

function readOptions(v: unknown): CatalogValue[] {
  if (!Array.isArray(v)) return [];
  const out: CatalogValue[] = [];
  for (const item of v.slice(0, MAX_OPTIONS)) {
    if (typeof item === "string" && item.length > 0 && item.length <= 200 && !out.includes(item)) out.push(item);
    else if (typeof item === "number" && Number.isFinite(item) && !out.includes(item)) out.push(item);
  }
  return out;
}

function boundsOf(raw: Json, kind: CatalogParamKind): { min: number | null; max: number | null } {
  const range = own(raw, "range");
  const r: Json = isObject(range) ? range : {};
  const pick = (...vs: unknown[]) => vs.map(readNumber).find((n) => n !== null) ?? null;
  if (kind === "string") {
    return { min: readInteger(own(raw, "min_length"), 0, 1e9), max: readInteger(own(raw, "max_length"), 0, 1e9) };
  }
  if (kind !== "integer" && kind !== "number") return { min: null, max: null };
  let min = pick(own(r, "min"), own(raw, "minimum"), own(raw, "min"));
  let max = pick(own(r, "max"), own(raw, "maximum"), own(raw, "max"));
  if (kind === "integer") {
    min = min !== null && Number.isSafeInteger(min) ? min : null;
    max = max !== null && Number.isSafeInteger(max) ? max : null;
  }
  // Bounds that contradict each other say nothing we can use.
  return min !== null && max !== null && min > max ? { min: null, max: null } : { min, max };
}

function defaultOf(v: unknown, kind: CatalogParamKind, options: CatalogValue[]): CatalogValue | null {
  switch (kind) {
    case "enum":
      return (typeof v === "string" || typeof v === "number") && options.includes(v) ? v : null;
    case "integer":
      return readInteger(v, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    case "number":
      return typeof v === "number" ? readNumber(v) : null;
    case "boolean":
      return typeof v === "boolean" ? v : null;
    case "string":
      return typeof v === "string" && v.length <= 2000 ? v : null;
    default:
      return null;
  }
}
