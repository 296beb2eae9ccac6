/** Human names for task types and styles, shown in the task picker and the style select. */
import type { Style, TaskType } from "@/lib/models/options";

export interface Label {
  label: string;
  description: string;
}

export const TASK_LABELS: Record<TaskType, Label> = {
  TEXT_IMAGE: {
    label: "Text to image",
    description: "Generate images from a prompt, optionally following the edges or layout of a condition image.",
  },
  IMAGE_VARIATION: {
    label: "Image variation",
    description: "Make new images in the look of one to five source images, optionally steered by a prompt.",
  },
  INPAINTING: {
    label: "Inpainting",
    description: "Change the masked area of an image; with no prompt, the masked object is removed.",
  },
  OUTPAINTING: {
    label: "Outpainting",
    description: "Keep the masked subject and regenerate everything around it from a prompt.",
  },
  COLOR_GUIDED_GENERATION: {
    label: "Colour-guided generation",
    description: "Generate images from a prompt using a palette of up to ten colours.",
  },
  BACKGROUND_REMOVAL: {
    label: "Background removal",
    description: "Cut out the main subject and return it on a transparent background.",
  },
  VIRTUAL_TRY_ON: {
    label: "Virtual try-on",
    description: "Dress the person in one image with the garment shown in another.",
  },
};

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
