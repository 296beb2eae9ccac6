import { expect, it, vi } from "vitest";
import { novaCanvas } from "@/lib/models";
import { shareMetadata, shareSummary } from "@/lib/shares/share-metadata";
import { createShare, openShare } from "@/lib/shares/share-service";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { bindShareDb, tokenOf } from "@/lib/testing/share-fixtures";

/** Which models a share's page and preview text name: labels from the definitions and the catalog, ids as the fallback. */

const holder = vi.hoisted(() => ({ db: undefined as unknown, offered: (): Promise<{ definition: { id: string; label: string } }[]> => Promise.resolve([]) }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));
// The runtime's models service, as the share page reads it; nothing else of the runtime is touched.
vi.mock("@/lib/jobs/runtime", () => ({ getRuntime: async () => ({ models: { offered: () => holder.offered() } }) }));

const CATALOG = [
  { definition: { id: novaCanvas.id, label: novaCanvas.label } },
  { definition: { id: "flux-2-klein-4b", label: "FLUX.2 [klein] 4B" } },
  { definition: { id: "seedream-5-0-lite", label: "Seedream 5.0 Lite" } },
];

withTempDataDir("share-models");

forEachDialect("share-models", (t) => {
  const fx = bindShareDb(() => t.db, holder);

  const imageOf = async (model: string) => {
    const job = await insertTestJob(t.db, { model, prompt: `made by ${model}` });
    const [img] = await insertTestImages(t.db, [testImage(job.id, 0)]);
    return img;
  };

  it("names each image's model and the share's models in order of first appearance, each once", async () => {
    holder.offered = async () => CATALOG;
    const flux = await imageOf("flux-2-klein-4b");
    const flux2 = await imageOf("flux-2-klein-4b");
    const gone = await imageOf("retired.model:1");
    const share = await createShare({ imageIds: [flux.id, fx.car.id, flux2.id, gone.id], title: "Mixed models" });
    const opened = (await openShare(tokenOf(share)))!;
    expect(opened.images.map((i) => i.model)).toEqual(["FLUX.2 [klein] 4B", novaCanvas.label, "FLUX.2 [klein] 4B", "retired.model:1"]);
    expect(opened.models).toEqual(["FLUX.2 [klein] 4B", novaCanvas.label, "retired.model:1"]);
    expect(shareSummary(opened)).toBe(`4 images · made with FLUX.2 [klein] 4B, ${novaCanvas.label} and retired.model:1`);
    const meta = await shareMetadata(opened);
    expect(meta.description).toBe(`4 images made with FLUX.2 [klein] 4B, ${novaCanvas.label} and retired.model:1.`);
    expect(meta.openGraph).toMatchObject({ siteName: "Nova Canvas Playground", description: meta.description });
  });

  it("a Nova-only share says so without reading the catalog", async () => {
    holder.offered = () => Promise.reject(new Error("the catalog must not be read"));
    const share = await createShare({ imageIds: [fx.lighthouse[0].id, fx.car.id], title: "Nova only" });
    const opened = (await openShare(tokenOf(share)))!;
    expect(shareSummary(opened)).toBe(`2 images · made with ${novaCanvas.label}`);
    expect((await shareMetadata(opened)).description).toBe(`2 images made with ${novaCanvas.label}.`);
    const one = (await openShare(tokenOf(await createShare({ imageIds: [fx.car.id], title: "One" }))))!;
    expect(shareSummary(one)).toBe(`1 image · made with ${novaCanvas.label}`);
  });

  it("an unreadable catalog names catalog models by id: the page still opens", async () => {
    holder.offered = () => Promise.reject(new Error("gateway down"));
    const img = await imageOf("seedream-5-0-lite");
    const share = await createShare({ imageIds: [img.id, fx.poster.id], title: "Catalog down" });
    const opened = (await openShare(tokenOf(share)))!;
    expect(opened.models).toEqual(["seedream-5-0-lite", novaCanvas.label]);
    expect(shareSummary(opened)).toBe(`2 images · made with seedream-5-0-lite and ${novaCanvas.label}`);
  });

  it("the owner's description wins in the metadata; a share whose images were all deleted names no model", async () => {
    holder.offered = async () => CATALOG;
    const flux = await imageOf("flux-2-klein-4b");
    const share = await createShare({ imageIds: [flux.id], title: "Described", description: "My fox" });
    const opened = (await openShare(tokenOf(share)))!;
    expect((await shareMetadata(opened)).description).toBe("My fox");
    expect(shareSummary({ images: [], models: [] })).toBe("0 images");
  });
});
