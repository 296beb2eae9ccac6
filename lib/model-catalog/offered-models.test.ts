import { describe, expect, it } from "vitest";
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { novaCanvas } from "@/lib/models";
import { parseModelDetail, type CatalogModel } from "@/lib/models/catalog";
import { mergeOffered } from "./offered-models";

function entry(id: string, retired: { model: string; on: string }[] = []): CatalogModel {
  return parseModelDetail(JSON.parse(JSON.stringify(buildModelDetail(id, retired)))).model!;
}

describe("mergeOffered", () => {
  it("offers the built-in model first, then the catalog's others, built from their entries", () => {
    const offered = mergeOffered([entry(novaCanvas.id), entry(FLUX_KLEIN_ID), entry(SEEDREAM_LITE_ID)], new Map());
    expect(offered.map((m) => [m.definition.id, m.definition.source, m.unavailable])).toEqual([
      [novaCanvas.id, "built-in", null],
      [FLUX_KLEIN_ID, "catalog", null],
      [SEEDREAM_LITE_ID, "catalog", null],
    ]);
    // The hand-written definition wins: same object, not one rebuilt from the catalog.
    expect(offered[0].definition).toBe(novaCanvas);
    expect(offered[1].catalog?.id).toBe(FLUX_KLEIN_ID);
  });

  it("still offers the built-in model when the catalog cannot be read", () => {
    expect(mergeOffered([], new Map()).map((m) => m.definition.id)).toEqual([novaCanvas.id]);
  });

  it("takes the catalog's word that a built-in model is retired, with its date", () => {
    const [nova] = mergeOffered([entry(novaCanvas.id, [{ model: novaCanvas.id, on: "2026-09-30" }])], new Map());
    expect(nova.definition.lifecycle).toEqual({ status: "retired", retiresOn: "2026-09-30" });
    expect(nova.unavailable).toEqual({ reason: "Amazon Nova Canvas was retired on 2026-09-30.", since: "2026-09-30" });
  });

  it("marks a model the gateway refused as unavailable, with the gateway's reason", () => {
    const refusals = new Map([[FLUX_KLEIN_ID, { reason: "The model is gone.", at: "2026-12-06T10:00:00.000Z" }]]);
    const offered = mergeOffered([entry(FLUX_KLEIN_ID)], refusals);
    expect(offered.find((m) => m.definition.id === FLUX_KLEIN_ID)?.unavailable).toEqual({ reason: "The model is gone.", since: "2026-12-06" });
  });

  it("reports what a catalog entry had that the app cannot offer, and leaves priceless models out", () => {
    const heard: [string, string[]][] = [];
    const priceless = { ...entry(FLUX_KLEIN_ID), id: "no-price", imagePriceMicros: null, imagePrices: [] };
    const offered = mergeOffered([entry(FLUX_KLEIN_ID), priceless], new Map(), (id, lines) => heard.push([id, lines]));
    expect(offered.map((m) => m.definition.id)).not.toContain("no-price");
    expect(heard.map(([id]) => id)).toEqual([FLUX_KLEIN_ID, "no-price"]);
    expect(heard[0][1]).toEqual(["negative_prompt: accepted by the gateway but without effect"]);
  });
});

describe("a hand-written model priced by the catalog", () => {
  it("takes the catalog's prices on the server, and the browser builds the same definition", async () => {
    const { definitionOf } = await import("@/lib/queries/use-models");
    const { toApiModel } = await import("@/lib/jobs/offered-models-api");
    const nova = entry(novaCanvas.id);
    const dearer = { ...nova, imagePrices: nova.imagePrices.map((p) => ({ ...p, priceMicros: p.priceMicros + 10_000 })) };
    const [offered] = mergeOffered([dearer], new Map());
    const request = { task_type: "TEXT_IMAGE" as const, number_of_images: 1 };
    expect(offered.definition.estimateCost(request).totalMicros).toBe(130_000);
    expect(offered.catalog).toBe(dearer);
    const inBrowser = definitionOf(JSON.parse(JSON.stringify(toApiModel(offered))));
    expect(inBrowser?.estimateCost(request).totalMicros).toBe(130_000);
  });
});
