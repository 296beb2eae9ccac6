import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_MODEL_ID, FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import type { EngineHandle } from "@/lib/emulator/server";
import { call, startTestEngine } from "@/lib/emulator/test-helpers";
import { novaCanvas, RATE_CARD } from "@/lib/models";
import type { WireModelDetail, WireModelList } from "@/lib/models/catalog";

let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("GET /v1/models", () => {
  it("lists the three image models and a chat model, with their output modalities", async () => {
    const res = await call(engine, "/v1/models");
    expect(res.status).toBe(200);
    const list = (await res.json()) as WireModelList;
    expect(list.object).toBe("list");
    expect(list.data.map((m) => [m.id, m.output_modalities])).toEqual([
      [novaCanvas.id, ["image"]],
      [FLUX_KLEIN_ID, ["image"]],
      [SEEDREAM_LITE_ID, ["image"]],
      [CHAT_MODEL_ID, ["text"]],
    ]);
    expect(list.data[0]).toMatchObject({ display_name: novaCanvas.label, status: "deprecated" });
  });

  it("needs the key like every /v1 route", async () => {
    const res = await fetch(`${engine.url}/v1/models`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("invalid_api_key");
  });

  it("answers only GET", async () => {
    expect((await call(engine, "/v1/models", { method: "POST", json: {} })).status).toBe(405);
  });
});

describe("GET /v1/models/{id}", () => {
  it("describes the first model as deprecated, retiring on its announced date", async () => {
    const detail = (await (await call(engine, `/v1/models/${novaCanvas.id}`)).json()) as WireModelDetail;
    expect(detail).toMatchObject({ id: novaCanvas.id, status: "deprecated", retirement_date: novaCanvas.lifecycle.retiresOn });
    expect(detail.pricing_rows.map((r) => r.price)).toContain(RATE_CARD.perImageMicros.small.standard / 1e6);
  });

  it("describes the per-image price, limits and parameters of the other image models", async () => {
    const flux = (await (await call(engine, `/v1/models/${FLUX_KLEIN_ID}`)).json()) as WireModelDetail;
    expect(flux).toMatchObject({ status: "active", max_output_pixels: 1_048_576, capabilities: ["text-to-image"] });
    expect(flux.pricing_rows).toEqual([{ unit: "image", price: 0.0085, currency: "USD", billed_on: "returned_images" }]);
    expect(flux.supported_parameters.find((p) => p.name === "num_images")).toMatchObject({ range: { min: 1, max: 4 } });
    expect(flux.supported_parameters.find((p) => p.name === "negative_prompt")).toMatchObject({ ignored: true });

    const seedream = (await (await call(engine, `/v1/models/${SEEDREAM_LITE_ID}`)).json()) as WireModelDetail;
    expect(seedream.capabilities).toEqual(["text-to-image", "image-editing"]);
    expect(seedream.supported_parameters.find((p) => p.name === "image")).toMatchObject({ type: "array", max_items: 14 });
    expect(seedream.supported_parameters.find((p) => p.name === "quality")).toMatchObject({ enum: ["2K", "3K"], default: "2K" });
    expect(seedream.pricing_rows[0]).toMatchObject({ unit: "image", price: 0.035 });
  });

  it("answers model_not_found for an unknown or undecodable id", async () => {
    for (const id of ["dall-e-3", "%E0%A4%A"]) {
      const res = await call(engine, `/v1/models/${id}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: "model_not_found", param: "model" });
    }
  });
});

describe("the retire fault in the catalog", () => {
  it("shows the model as retired on the fault's date, in the list and the detail", async () => {
    const local = await startTestEngine({ faults: `retire=${FLUX_KLEIN_ID}@2026-10-01` });
    try {
      const list = (await (await call(local, "/v1/models")).json()) as WireModelList;
      expect(list.data.find((m) => m.id === FLUX_KLEIN_ID)?.status).toBe("retired");
      const detail = (await (await call(local, `/v1/models/${FLUX_KLEIN_ID}`)).json()) as WireModelDetail;
      expect(detail).toMatchObject({ status: "retired", retirement_date: "2026-10-01" });
      expect(list.data.find((m) => m.id === SEEDREAM_LITE_ID)?.status).toBe("active");
    } finally {
      await local.close();
    }
  });

  it("reads a request's X-Engine-Faults header, and refuses a bad one with 400", async () => {
    const headers = { "X-Engine-Faults": `retire=${novaCanvas.id}` };
    const detail = (await (await call(engine, `/v1/models/${novaCanvas.id}`, { headers })).json()) as WireModelDetail;
    expect(detail.status).toBe("retired");
    expect(detail.retirement_date).toBe(new Date().toISOString().slice(0, 10));
    const bad = await call(engine, "/v1/models", { headers: { "X-Engine-Faults": "retire=x@2026-02-30" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.param).toBe("X-Engine-Faults");
  });
});
