/** Zoom and display. None of these touch the mask: strokes are in image pixels. */
import type { Command } from "@/lib/canvas/commands/types";

function zoomTo(id: string, label: string, zoom: number | "fit", key: string): Command {
  return { id, label, group: "view", shortcuts: [key], recordsHistory: false, run: (a) => a.setZoom(zoom) };
}

export const zoomFit = zoomTo("zoom-fit", "Fit to window", "fit", "0");
export const zoom100 = zoomTo("zoom-100", "Zoom 100 %", 1, "1");
export const zoom200 = zoomTo("zoom-200", "Zoom 200 %", 2, "2");
export const zoom400 = zoomTo("zoom-400", "Zoom 400 %", 4, "4");

export const zoomIn: Command = {
  id: "zoom-in",
  label: "Zoom in",
  group: "view",
  shortcuts: ["+", "="],
  recordsHistory: false,
  run: (a) => a.stepZoom(1),
};

export const zoomOut: Command = {
  id: "zoom-out",
  label: "Zoom out",
  group: "view",
  shortcuts: ["-"],
  recordsHistory: false,
  run: (a) => a.stepZoom(-1),
};

export const toggleMaskView: Command = {
  id: "mask-view",
  label: "What the model receives",
  group: "view",
  shortcuts: ["M"],
  recordsHistory: false,
  run: (a) => a.toggleMaskView(),
};

export const toggleOverlay: Command = {
  id: "overlay",
  label: "Hide or show the mask",
  group: "view",
  shortcuts: ["V"],
  recordsHistory: false,
  run: (a) => a.toggleOverlay(),
};

export const toggleHelp: Command = {
  id: "help",
  label: "Keyboard shortcuts",
  group: "view",
  shortcuts: ["?"],
  recordsHistory: false,
  run: (a) => a.toggleHelp(),
};
