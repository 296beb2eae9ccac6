import type {
  CatalogImagePrice,
  CatalogListEntry,
  CatalogModel,
  CatalogParam,
  CatalogStatus,
  ParsedModelDetail,
} from "@/lib/models/catalog/catalog-model";
import { parseParam } from "@/lib/models/catalog/parse-param";
import { isObject, own, readConditions, readDate, readInteger, readNumber, readString, readStringList, type Json } from "@/lib/models/catalog/read-json";

/**
 * The gateway's catalog (contract §7) → what the playground can use. The JSON shapes are
 * [assumed, contract §7] (catalog-wire.ts), so both functions are total: any JSON value gives
 * an answer, never an exception, and what is not understood is skipped (and, for a model's
 * detail, listed in `ignored` so it can be logged).
 */
const MAX_MODELS = 1000;
const MAX_PARAMS = 200;
const MAX_PRICE_ROWS = 100;
/** A per-image price above this is a unit mistake (cents, or micro-dollars), not a price. */
const MAX_IMAGE_PRICE_USD = 1000;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

const STATUS_ALIASES: Record<string, CatalogStatus> = {
  active: "active",
  available: "active",
  live: "active",
  deprecated: "deprecated",
  legacy: "deprecated",
  retired: "retired",
  removed: "retired",
  unavailable: "retired",
};

/** `GET /v1/models` → the image models, in the catalog's order (other models are skipped). */
export function parseModelList(json: unknown): CatalogListEntry[] {
  const data = isObject(json) ? own(json, "data") : json;
  if (!Array.isArray(data)) return [];
  const seen = new Set<string>();
  const out: CatalogListEntry[] = [];
  for (const item of data.slice(0, MAX_MODELS)) {
    if (!isObject(item)) continue;
    const id = readId(item);
    if (!id || seen.has(id) || !makesImages(item)) continue;
    seen.add(id);
    out.push({ id, displayName: displayName(item, id), description: readString(item, ["description"]) ?? "", status: readStatus(item) });
  }
  return out;
}

/** `GET /v1/models/{id}` → the model, or null when the answer names no usable id. */
export function parseModelDetail(json: unknown): ParsedModelDetail {
  const ignored: string[] = [];
  const root = isObject(json) && !own(json, "id") && isObject(own(json, "data")) ? (own(json, "data") as Json) : json;
  if (!isObject(root)) return { model: null, ignored: ["the answer is not a JSON object"] };
  const id = readId(root);
  if (!id) return { model: null, ignored: ["the answer has no usable model id"] };

  const params = readParams(own(root, "supported_parameters"), ignored);
  const prices = readImagePrices(own(root, "pricing_rows"), ignored);
  const model: CatalogModel = {
    id,
    displayName: displayName(root, id),
    description: readString(root, ["description"]) ?? "",
    ownedBy: readString(root, ["owned_by"], 200),
    status: readStatus(root),
    retiresOn: readDate(own(root, "retirement_date")),
    deprecatedOn: readDate(own(root, "deprecation_date")),
    capabilities: readStringList(own(root, "capabilities")),
    inputModalities: readStringList(own(root, "input_modalities")),
    outputModalities: readStringList(own(root, "output_modalities")),
    params,
    imagePriceMicros: prices.rows.length > 0 ? Math.min(...prices.rows.map((r) => r.priceMicros)) : null,
    imagePrices: prices.rows,
    billedPerReturnedImage: prices.rows.length > 0 && prices.perReturned,
    maxPixels: readInteger(own(root, "max_output_pixels"), 1, 1e9),
  };
  return { model, ignored };
}

function readId(o: Json): string | null {
  const id = own(o, "id");
  return typeof id === "string" && ID.test(id) ? id : null;
}

function displayName(o: Json, id: string): string {
  return readString(o, ["display_name", "name"], 200) ?? id;
}

function readStatus(o: Json): CatalogStatus {
  const s = own(o, "status");
  return (typeof s === "string" && Object.hasOwn(STATUS_ALIASES, s.toLowerCase()) && STATUS_ALIASES[s.toLowerCase()]) || "unknown";
}

/**
 * An image model says so in its output modalities. [assumed, contract §7] When the list gives
 * none, a capability word that mentions images is taken as the hint instead.
 */
function makesImages(o: Json): boolean {
  const outputs = own(o, "output_modalities");
  if (Array.isArray(outputs)) return readStringList(outputs).some((m) => m.toLowerCase() === "image");
  return readStringList(own(o, "capabilities")).some((c) => /image/i.test(c));
}

function readParams(v: unknown, ignored: string[]): CatalogParam[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return ignored.push("supported_parameters is not a list"), [];
  if (v.length > MAX_PARAMS) ignored.push(`supported_parameters: only the first ${MAX_PARAMS} of ${v.length} were read`);
  const out: CatalogParam[] = [];
  v.slice(0, MAX_PARAMS).forEach((raw, i) => {
    const param = parseParam(raw, (why) => ignored.push(`supported_parameters[${i}]: ${why}`));
    if (!param) return;
    if (out.some((p) => p.name === param.name)) ignored.push(`supported_parameters[${i}]: ${param.name} is listed twice; the first is kept`);
    else out.push(param);
  });
  return out;
}

function readImagePrices(v: unknown, ignored: string[]): { rows: CatalogImagePrice[]; perReturned: boolean } {
  const rows: CatalogImagePrice[] = [];
  let perReturned = true;
  if (v === undefined || v === null) return { rows, perReturned };
  if (!Array.isArray(v)) return ignored.push("pricing_rows is not a list"), { rows, perReturned };
  v.slice(0, MAX_PRICE_ROWS).forEach((raw, i) => {
    const skip = (why: string) => ignored.push(`pricing_rows[${i}]: ${why}`);
    if (!isObject(raw)) return skip("is not an object");
    const unit = own(raw, "unit");
    if (unit !== "image") return skip(`unit ${JSON.stringify(unit)} is not a per-image price`);
    const currency = own(raw, "currency");
    if (currency !== undefined && currency !== "USD") return skip(`currency ${JSON.stringify(currency)} is not USD`);
    const price = readNumber(own(raw, "price"));
    if (price === null || price < 0 || price > MAX_IMAGE_PRICE_USD) return skip(`price ${JSON.stringify(own(raw, "price"))} is not a price in USD`);
    if (own(raw, "billed_on") !== "returned_images") perReturned = false;
    rows.push({ priceMicros: Math.round(price * 1_000_000), conditions: readConditions(own(raw, "conditions"), skip) });
  });
  return { rows, perReturned };
}
