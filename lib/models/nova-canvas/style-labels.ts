/** Human names for Nova Canvas's styles, shown in the style select. */
import type { Style } from "@/lib/models/nova-canvas/options";
import type { Label } from "@/lib/models/task-labels";

export const STYLE_LABELS: Record<Style, Label> = {
  "3D_ANIMATED_FAMILY_FILM": {
    label: "3D animated family film",
    description: "Rounded 3D characters and soft lighting, like an animated family feature.",
  },
  DESIGN_SKETCH: {
    label: "Design sketch",
    description: "Hand-drawn line work with light shading, like a product or concept sketch.",
  },
  FLAT_VECTOR_ILLUSTRATION: {
    label: "Flat vector illustration",
    description: "Flat shapes, clean edges and a limited palette, like a vector graphic.",
  },
  GRAPHIC_NOVEL_ILLUSTRATION: {
    label: "Graphic novel illustration",
    description: "Bold ink outlines and dramatic shading, like a comic or graphic novel panel.",
  },
  MAXIMALISM: {
    label: "Maximalism",
    description: "Dense, ornate and colourful compositions with many layered details.",
  },
  MIDCENTURY_RETRO: {
    label: "Midcentury retro",
    description: "1950s–60s graphic design: muted colours, simple geometry, print texture.",
  },
  PHOTOREALISM: {
    label: "Photorealism",
    description: "Looks like a photograph: natural light, real materials, camera depth of field.",
  },
  SOFT_DIGITAL_PAINTING: {
    label: "Soft digital painting",
    description: "Painterly brushwork with soft edges and gentle colour blending.",
  },
};
