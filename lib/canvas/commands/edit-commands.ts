/** Undo and redo: one history entry per stroke or mask command. */
import type { Command } from "@/lib/canvas/commands/types";

export const undoCommand: Command = {
  id: "undo",
  label: "Undo",
  group: "edit",
  shortcuts: ["Mod+Z"],
  recordsHistory: false,
  run: (a) => a.undo(),
  enabled: (a) => a.canUndo(),
};

export const redoCommand: Command = {
  id: "redo",
  label: "Redo",
  group: "edit",
  shortcuts: ["Shift+Mod+Z", "Mod+Y"],
  recordsHistory: false,
  run: (a) => a.redo(),
  enabled: (a) => a.canRedo(),
};
