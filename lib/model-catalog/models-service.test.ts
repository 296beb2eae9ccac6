import { describe, expect, it } from "vitest";
import { buildModelDetail, buildModelList } from "@/lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID } from "@/lib/emulator/catalog/models";
import { AppError } from "@/lib/errors";
import { parseModelDetail, parseModelList } from "@/lib/models/catalog";
import { ModelsService } from "./models-service";

const wire = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

function fakeClient() {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    async listModels() {
      reads++;
      return parseModelList(wire(buildModelList()));
    },
    async getModelDetail(id: string) {
      return parseModelDetail(wire(buildModelDetail(id)));
    },
  };
}

describe("ModelsService", () => {
  it("offers the same merged list until the catalog or a refusal changes it", async () => {
    const client = fakeClient();
    const service = new ModelsService(client);
    const first = await service.offered();
    expect(await service.offered()).toBe(first);
    expect(client.reads).toBe(1);
  });

  it("marks a model the gateway refused as unavailable at once, and reads the catalog again", async () => {
    const client = fakeClient();
    const service = new ModelsService(client, () => new Date("2026-12-06T12:00:00Z"));
    await service.offered();
    service.noteRefusal(FLUX_KLEIN_ID, new AppError("model_unavailable", "The model flux-2-klein-4b was retired on 2026-12-01."));
    const flux = (await service.offered()).find((m) => m.definition.id === FLUX_KLEIN_ID);
    expect(flux?.unavailable).toEqual({ reason: "The model flux-2-klein-4b was retired on 2026-12-01.", since: "2026-12-06" });
    await new Promise((r) => setTimeout(r, 10));
    expect(client.reads).toBe(2);
  });
});
