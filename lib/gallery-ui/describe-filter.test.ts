import { expect, it } from "vitest";
import { describeFilter } from "@/lib/gallery-ui/describe-filter";

it("names every part of a filter, in a fixed order", () => {
  expect(describeFilter({ sort: "newest" })).toBe("Gallery");
  expect(describeFilter({ sort: "cost", q: "heron", favorites: true, task: "INPAINTING", quality: "premium", from: "2026-03-01", to: "2026-03-31" })).toBe(
    "“heron” · Favourites · Inpainting · Premium quality · 2026-03-01 to 2026-03-31",
  );
  expect(describeFilter({ sort: "newest", from: "2026-03-01" })).toBe("since 2026-03-01");
  expect(describeFilter({ sort: "newest", to: "2026-03-01" })).toBe("until 2026-03-01");
  expect(describeFilter({ sort: "newest", from: "2026-03-01", to: "2026-03-01" })).toBe("2026-03-01");
});

it("names the model with the label it is given, else by its id", () => {
  const label = (id: string) => (id === "flux-2-klein-4b" ? "FLUX.2 [klein] 4B" : id);
  expect(describeFilter({ sort: "newest", model: "flux-2-klein-4b" }, label)).toBe("FLUX.2 [klein] 4B");
  expect(describeFilter({ sort: "newest", model: "retired.model:1" }, label)).toBe("retired.model:1");
  expect(describeFilter({ sort: "newest", model: "flux-2-klein-4b" })).toBe("flux-2-klein-4b");
  expect(describeFilter({ sort: "cost", q: "heron", favorites: true, model: "flux-2-klein-4b", task: "INPAINTING", from: "2026-03-01" }, label)).toBe(
    "“heron” · Favourites · FLUX.2 [klein] 4B · Inpainting · since 2026-03-01",
  );
});
