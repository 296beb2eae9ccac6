import { describe, expect, it } from "vitest";
import { buildModelDetail, buildModelList, catalogIds } from "@/lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { novaCanvas, RATE_CARD } from "@/lib/models";
import { parseModelDetail, parseModelList } from "@/lib/models/catalog";

/** Through JSON text, as the client receives it. */
const wire = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe("what the offline engine serves parses completely", () => {
  it("lists the three image models and skips the chat model", () => {
    expect(parseModelList(wire(buildModelList())).map((m) => [m.id, m.status])).toEqual([
      [novaCanvas.id, "deprecated"],
      [FLUX_KLEIN_ID, "active"],
      [SEEDREAM_LITE_ID, "active"],
    ]);
  });

  it("reads the first model: deprecated, retiring on its date, priced from its rate card", () => {
    const { model, ignored } = parseModelDetail(wire(buildModelDetail(novaCanvas.id)));
    expect(model).toMatchObject({
      id: novaCanvas.id,
      displayName: novaCanvas.label,
      status: "deprecated",
      retiresOn: novaCanvas.lifecycle.retiresOn,
      imagePriceMicros: RATE_CARD.perImageMicros.small.standard,
      billedPerReturnedImage: true,
    });
    expect(model!.imagePrices).toContainEqual({
      priceMicros: RATE_CARD.perImageMicros.large.premium,
      conditions: { quality: ["premium"], size_tier: ["large"] },
    });
    expect(model!.params.find((p) => p.name === "style")?.conditions).toEqual({ task_type: ["TEXT_IMAGE"] });
    // colors is a list of strings: not a kind the playground reads from a catalog.
    expect(ignored).toEqual([expect.stringMatching(/^supported_parameters\[\d+\]: colors: type "array"/)]);
  });

  it("reads the fast model: price per returned image, pixel limit, ignored negative prompt", () => {
    const { model, ignored } = parseModelDetail(wire(buildModelDetail(FLUX_KLEIN_ID)));
    expect(ignored).toEqual([]);
    expect(model).toMatchObject({
      status: "active",
      retiresOn: null,
      capabilities: ["text-to-image"],
      imagePriceMicros: 8500,
      billedPerReturnedImage: true,
      maxPixels: 1_048_576,
    });
    expect(model!.params.find((p) => p.name === "num_images")).toMatchObject({ kind: "integer", min: 1, max: 4, default: 1 });
    expect(model!.params.find((p) => p.name === "negative_prompt")).toMatchObject({ kind: "string", ignored: true });
    expect(model!.params.find((p) => p.name === "aspect_ratio")).toMatchObject({ kind: "enum", default: "1:1" });
  });

  it("reads the editing model: image list of 14, quality enum", () => {
    const { model, ignored } = parseModelDetail(wire(buildModelDetail(SEEDREAM_LITE_ID)));
    expect(ignored).toEqual([]);
    expect(model).toMatchObject({ capabilities: ["text-to-image", "image-editing"], imagePriceMicros: 35_000, inputModalities: ["text", "image"] });
    expect(model!.params.find((p) => p.name === "image")).toMatchObject({ kind: "image-list", maxItems: 14 });
    expect(model!.params.find((p) => p.name === "quality")).toMatchObject({ kind: "enum", options: ["2K", "3K"], default: "2K" });
    expect(model!.params.find((p) => p.name === "seed")).toMatchObject({ kind: "integer", min: 0, max: 2_147_483_647, default: null });
  });

  it("reads a retirement the engine shows, and lists token prices of the chat model as ignored", () => {
    const { model } = parseModelDetail(wire(buildModelDetail(FLUX_KLEIN_ID, [{ model: FLUX_KLEIN_ID, on: "2026-10-01" }])));
    expect(model).toMatchObject({ status: "retired", retiresOn: "2026-10-01" });
    const chat = catalogIds().find((id) => ![novaCanvas.id, FLUX_KLEIN_ID, SEEDREAM_LITE_ID].includes(id))!;
    const parsed = parseModelDetail(wire(buildModelDetail(chat)));
    expect(parsed.model?.imagePriceMicros).toBeNull();
    expect(parsed.ignored.filter((i) => /unit "token"/.test(i))).toHaveLength(2);
  });
});

describe("parseModelList on hostile or odd input", () => {
  it.each([null, undefined, 0, "x", [], {}, { data: null }, { data: {} }, { data: "list" }])("gives [] for %j", (json) => {
    expect(parseModelList(json)).toEqual([]);
  });

  it("skips items that are not objects, lack a usable id, repeat an id or make no images", () => {
    const list = parseModelList({
      data: [
        null,
        7,
        ["a"],
        { id: 5, output_modalities: ["image"] },
        { id: "has space", output_modalities: ["image"] },
        { id: "ok", display_name: "OK", output_modalities: ["image"] },
        { id: "ok", display_name: "again", output_modalities: ["image"] },
        { id: "chat", output_modalities: ["text"] },
        { id: "weird", output_modalities: "image" },
        { id: "hinted", capabilities: ["text-to-image"] },
      ],
    });
    expect(list).toEqual([
      { id: "ok", displayName: "OK", description: "", status: "unknown" },
      { id: "hinted", displayName: "hinted", description: "", status: "unknown" },
    ]);
  });

  it("accepts a bare array and bounds long strings", () => {
    const [m] = parseModelList([{ id: "a", display_name: "n".repeat(5000), description: 3, output_modalities: ["IMAGE"], status: "Legacy" }]);
    expect(m.displayName).toHaveLength(200);
    expect(m).toMatchObject({ description: "", status: "deprecated" });
  });
});

describe("parseModelDetail on hostile or odd input", () => {
  it.each([null, 1, "s", [], {}, { id: "" }, { id: {} }, { data: [] }])("gives no model, with a reason, for %j", (json) => {
    const { model, ignored } = parseModelDetail(json);
    expect(model).toBeNull();
    expect(ignored).toHaveLength(1);
  });

  it("reads a detail wrapped in data, with missing fields defaulted", () => {
    const { model, ignored } = parseModelDetail({ data: { id: "m" } });
    expect(model).toMatchObject({ id: "m", displayName: "m", status: "unknown", params: [], imagePriceMicros: null, billedPerReturnedImage: false, maxPixels: null });
    expect(ignored).toEqual([]);
  });

  it("does not let __proto__ keys reach an object's prototype", () => {
    const json = JSON.parse(
      '{"id":"m","__proto__":{"polluted":1},"supported_parameters":[{"name":"__proto__","type":"string"},' +
        '{"name":"p","type":"string","conditions":{"__proto__":["x"],"task":["A"]}}],' +
        '"pricing_rows":[{"unit":"image","price":0.01,"conditions":{"__proto__":["y"]}}]}',
    ) as unknown;
    const { model, ignored } = parseModelDetail(json);
    expect(model!.params.map((p) => p.name)).toEqual(["p"]);
    expect(Object.getPrototypeOf(model!.params[0].conditions)).toBe(Object.prototype);
    expect(model!.params[0].conditions).toEqual({ task: ["A"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ignored).toHaveLength(3);
  });

  it("skips wrong types, unknown kinds and impossible numbers, naming each", () => {
    const { model, ignored } = parseModelDetail({
      id: "m",
      status: 3,
      retirement_date: "2026-02-30",
      deprecation_date: "2026-09-01T00:00:00Z",
      max_output_pixels: 1e300,
      capabilities: "text-to-image",
      supported_parameters: [
        "prompt",
        { type: "string" },
        { name: "x", type: "matrix" },
        { name: "e", type: "enum", enum: [] },
        { name: "n", type: "integer", range: { min: 1.5, max: 1e300 }, default: "4" },
        { name: "r", type: "number", range: { min: 5, max: 1 } },
        { name: "q", type: "string", enum: ["a", "b", "a", {}], default: "c" },
        { name: "image[]", type: "image", max_items: 1e9 },
        { name: "n", type: "boolean" },
      ],
      pricing_rows: [
        null,
        { unit: "token", price: 1 },
        { unit: "image", price: -1 },
        { unit: "image", price: 1e9 },
        { unit: "image", price: "free" },
        { unit: "image", price: 0.02, currency: "EUR" },
        { unit: "image", price: "0.05" },
      ],
    });
    expect(model).toMatchObject({ status: "unknown", retiresOn: null, deprecatedOn: "2026-09-01", maxPixels: null, capabilities: [] });
    expect(model!.params).toEqual([
      expect.objectContaining({ name: "n", kind: "integer", min: null, max: null, default: 4 }),
      expect.objectContaining({ name: "r", kind: "number", min: null, max: null }),
      expect.objectContaining({ name: "q", kind: "enum", options: ["a", "b"], default: null }),
      expect.objectContaining({ name: "image", kind: "image-list", maxItems: 1000 }),
    ]);
    expect(model).toMatchObject({ imagePriceMicros: 50_000, billedPerReturnedImage: false });
    expect(ignored).toHaveLength(4 + 1 + 6);
  });

  it("reads only the first 200 parameters of a huge list, and says so", () => {
    const params = Array.from({ length: 10_000 }, (_, i) => ({ name: `p${i}`, type: "integer" }));
    const { model, ignored } = parseModelDetail({ id: "m", supported_parameters: params, pricing_rows: {} });
    expect(model!.params).toHaveLength(200);
    expect(ignored).toEqual(["supported_parameters: only the first 200 of 10000 were read", "pricing_rows is not a list"]);
  });

  it("never throws on deeply odd values", () => {
    const odd: unknown[] = [{ id: "m", supported_parameters: [{ name: "a", type: "array", items: null }] }, { id: "m", pricing_rows: [[]] }];
    for (const json of odd) expect(() => parseModelDetail(json)).not.toThrow();
  });
});
