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
