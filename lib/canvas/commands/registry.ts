/** Every editor command, and the lookup from a key press to the command it runs. */
import { redoCommand, undoCommand } from "@/lib/canvas/commands/edit-commands";
import { matchesShortcut, type KeyLike } from "@/lib/canvas/commands/keys";
import { clearMask, fillAll, growMaskCommand, invertMask, shrinkMaskCommand } from "@/lib/canvas/commands/mask-commands";
import { brushLarger, brushSmaller, TOOL_COMMANDS, toggleShapeMode } from "@/lib/canvas/commands/tool-commands";
import type { Command, EditorActions } from "@/lib/canvas/commands/types";
import {
  toggleHelp,
  toggleMaskView,
  toggleOverlay,
  zoom100,
  zoom200,
  zoom400,
  zoomFit,
  zoomIn,
  zoomOut,
} from "@/lib/canvas/commands/view-commands";

export const COMMANDS: readonly Command[] = [
  ...TOOL_COMMANDS,
  brushSmaller,
  brushLarger,
  toggleShapeMode,
  undoCommand,
  redoCommand,
  fillAll,
  clearMask,
  invertMask,
  growMaskCommand,
  shrinkMaskCommand,
  zoomFit,
  zoom100,
  zoom200,
  zoom400,
  zoomIn,
  zoomOut,
  toggleMaskView,
  toggleOverlay,
  toggleHelp,
];

const BY_ID = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: string): Command {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown editor command ${id}`);
  return c;
}

export function commandForKey(e: KeyLike): Command | undefined {
  return COMMANDS.find((c) => c.shortcuts.some((s) => matchesShortcut(e, s)));
}

/** Runs a command if it is enabled; returns whether it ran. */
export function runCommand(command: Command, actions: EditorActions): boolean {
  if (command.enabled && !command.enabled(actions)) return false;
  command.run(actions);
  return true;
}
