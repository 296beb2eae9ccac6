/** Human names for task types, shown in the task picker, job cards and the gallery's filter. */
import type { TaskType } from "@/lib/models/task-types";

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
