/** Choosing a tool: one command per tool, one letter each (the letters people know from editors). */
import type { Command } from "@/lib/canvas/commands/types";
import { TOOL_LABELS, type ToolId } from "@/lib/canvas/editor/tool-ids";

function toolCommand(tool: ToolId, key: string): Command {
  return {
    id: `tool-${tool}`,
    label: TOOL_LABELS[tool],
    group: "tools",
    shortcuts: [key],
    recordsHistory: false,
    run: (a) => a.setTool(tool),
  };
}

export const TOOL_COMMANDS: readonly Command[] = [
  toolCommand("brush", "B"),
  toolCommand("eraser", "E"),
  toolCommand("rect", "R"),
  toolCommand("lasso", "L"),
  toolCommand("polygon", "P"),
  toolCommand("hand", "H"),
];

export const brushSmaller: Command = {
  id: "brush-smaller",
  label: "Smaller brush",
  group: "tools",
  shortcuts: ["["],
  recordsHistory: false,
  run: (a) => a.scaleBrush(1 / 1.25),
};

export const brushLarger: Command = {
  id: "brush-larger",
  label: "Larger brush",
  group: "tools",
  shortcuts: ["]"],
  recordsHistory: false,
  run: (a) => a.scaleBrush(1.25),
};

export const toggleShapeMode: Command = {
  id: "shape-mode",
  label: "Shapes add ↔ cut",
  group: "tools",
  shortcuts: ["X"],
  recordsHistory: false,
  run: (a) => a.toggleShapeMode(),
};
