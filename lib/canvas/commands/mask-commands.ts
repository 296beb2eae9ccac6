/**
 * Whole-mask commands. Each commits one stroke, so it is one undo step and is replayed with the
 * rest when the mask is rendered at the image's size.
 */
import type { Command } from "@/lib/canvas/commands/types";

export const fillAll: Command = {
  id: "fill-all",
  label: "Fill all",
  group: "mask",
  shortcuts: ["Shift+F"],
  recordsHistory: true,
  run: (a) => a.commit({ kind: "fill-all" }),
};

export const clearMask: Command = {
  id: "clear",
  label: "Clear",
  group: "mask",
  shortcuts: ["Shift+Delete", "Shift+Backspace"],
  recordsHistory: true,
  run: (a) => a.commit({ kind: "clear" }),
};

export const invertMask: Command = {
  id: "invert",
  label: "Invert",
  group: "mask",
  shortcuts: ["I"],
  recordsHistory: true,
  run: (a) => a.commit({ kind: "invert" }),
};

export const growMaskCommand: Command = {
  id: "grow",
  label: "Grow",
  group: "mask",
  shortcuts: ["Shift+G"],
  recordsHistory: true,
  run: (a) => a.commit({ kind: "grow", n: a.morphologyAmount() }),
  enabled: (a) => a.morphologyAmount() > 0,
};

export const shrinkMaskCommand: Command = {
  id: "shrink",
  label: "Shrink",
  group: "mask",
  shortcuts: ["Shift+S"],
  recordsHistory: true,
  run: (a) => a.commit({ kind: "shrink", n: a.morphologyAmount() }),
  enabled: (a) => a.morphologyAmount() > 0,
};
