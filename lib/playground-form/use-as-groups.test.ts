import { describe, expect, it } from "vitest";
import { placeImage } from "@/lib/playground-form/use-as";
import { useAsGroups } from "@/lib/playground-form/use-as-groups";
import { fakeImage } from "@/lib/playground-form/test-images";
import { FLUX, OFFERED, RETIRED_NOVA, SEEDREAM } from "@/lib/playground-form/test-models";

describe("Use as… groups", () => {
  it("lists the default model's tasks, Seedream's reference images and why FLUX takes none", () => {
    const groups = useAsGroups(OFFERED);
    expect(groups.map((g) => g.label)).toEqual([
      "Text to image", "Image variation", "Inpainting", "Outpainting", "Colour-guided generation", "Background removal", "Virtual try-on",
      "FLUX.2 [klein] 4B", "Seedream 5.0 Lite",
    ]);
    expect(groups.find((g) => g.key === FLUX.id)).toMatchObject({ targets: [], refusal: "FLUX.2 [klein] 4B takes no input images" });
    const seedream = groups.find((g) => g.key === SEEDREAM.id)!;
    expect(seedream.targets).toHaveLength(1);
    expect(seedream.targets[0]).toMatchObject({ field: "images", append: true, role: "Add to reference images" });
  });

  it("a retired default model is one group that says why; while loading only the built-in model's", () => {
    expect(useAsGroups([RETIRED_NOVA, FLUX])[0]).toEqual({
      key: RETIRED_NOVA.id, label: "Amazon Nova Canvas", targets: [], refusal: "Amazon Nova Canvas was retired on 2026-09-30",
    });
    expect(useAsGroups(undefined)).toHaveLength(7);
  });

  it("adds to Seedream's reference images up to its own limit", () => {
    const target = useAsGroups(OFFERED).find((g) => g.key === SEEDREAM.id)!.targets[0];
    const image = fakeImage();
    expect(placeImage({ images: [] }, target, image)).toEqual({ images: [image] });
    const full = Array.from({ length: 14 }, () => fakeImage());
    expect(() => placeImage({ images: full }, target, image)).toThrow("Seedream 5.0 Lite takes at most 14 reference images; remove one first.");
  });
});
