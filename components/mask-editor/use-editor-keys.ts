"use client";
/**
 * Keyboard for the open editor: command shortcuts (lib/canvas/commands), space-to-pan and the
 * active tool's keys (Enter closes a polygon, Escape drops it, Backspace removes a vertex).
 * Listens on the window: the editor is a modal dialog, so it has the keyboard while it is open.
 * Keys typed into a text field are the user's text, never shortcuts.
 */
import { useEffect } from "react";
import { isTypingTarget } from "@/lib/canvas/commands/keys";
import { commandForKey, runCommand } from "@/lib/canvas/commands/registry";
import type { EditorActions } from "@/lib/canvas/commands/types";
import type { GestureController } from "@/lib/canvas/editor/gesture-controller";
import { useMaskEditor } from "@/lib/mask-editor/mask-editor-store";

export function useEditorKeys(
  controller: GestureController,
  actions: EditorActions,
  onSpace: (held: boolean) => void,
) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target as HTMLElement | null)) return;
      if (e.key === " ") {
        e.preventDefault();
        if (!e.repeat) onSpace(true);
        return;
      }
      // Escape closes the help first, then drops a polygon in progress, and only then the editor.
      if (e.key === "Escape" && useMaskEditor.getState().helpOpen) {
        e.preventDefault();
        useMaskEditor.getState().setHelpOpen(false);
        return;
      }
      if (e.key === "Enter" || e.key === "Escape" || e.key === "Backspace") {
        if (!e.shiftKey && controller.toolKey(e.key)) {
          e.preventDefault();
          return;
        }
      }
      const command = commandForKey(e);
      if (!command) return;
      e.preventDefault();
      runCommand(command, actions);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === " ") onSpace(false);
    };
    const onBlur = () => onSpace(false);
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", onBlur);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", onBlur);
    };
  }, [controller, actions, onSpace]);
}
