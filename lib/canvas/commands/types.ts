/**
 * Editor commands (after excalidraw's actions): each is a plain object with its label, its
 * shortcuts and what it does, so a toolbar button, a key press and the help overlay all come
 * from the same definition and cannot drift apart. Commands act through `EditorActions`, which
 * the React editor implements over its stores; tests implement it with plain objects.
 */
import type { ToolId } from "@/lib/canvas/editor/tool-ids";
import type { Stroke } from "@/lib/canvas/types";

export interface EditorActions {
  commit(stroke: Stroke): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  setTool(tool: ToolId): void;
  /** Multiplies the brush radius (clamped by the editor). */
  scaleBrush(factor: number): void;
  setZoom(zoom: number | "fit"): void;
  stepZoom(dir: 1 | -1): void;
  toggleMaskView(): void;
  toggleOverlay(): void;
  toggleShapeMode(): void;
  toggleHelp(): void;
  /** The N of "grow/shrink by N px", from the editor's field. */
  morphologyAmount(): number;
}

export type CommandGroup = "tools" | "edit" | "mask" | "view";

export interface Command {
  id: string;
  label: string;
  group: CommandGroup;
  /** "Mod" is Ctrl, or Cmd on a Mac. The first one is the one shown. */
  shortcuts: readonly string[];
  /** Whether it adds a history entry (undo can take it back). */
  recordsHistory: boolean;
  run(actions: EditorActions): void;
  enabled?(actions: EditorActions): boolean;
}
