"use client";

import type { ReactNode } from "react";
import { displayShortcut } from "@/lib/canvas/commands/keys";
import { commandById, runCommand } from "@/lib/canvas/commands/registry";
import type { EditorActions } from "@/lib/canvas/commands/types";

export const toolButton =
  "inline-flex h-9 min-w-9 items-center justify-center gap-1 rounded-md border border-neutral-300 bg-white px-2 text-sm font-medium text-neutral-800 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:text-neutral-400 disabled:hover:bg-white aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white";

/** A toolbar button for a command: its label, shortcut hint and enabled state come from the command. */
export function CommandButton({ id, actions, pressed, children }: { id: string; actions: EditorActions; pressed?: boolean; children?: ReactNode }) {
  const command = commandById(id);
  const shortcut = command.shortcuts[0];
  const enabled = command.enabled ? command.enabled(actions) : true;
  return (
    <button
      type="button"
      className={toolButton}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut.replace("Mod", "Control")}
      title={`${command.label} (${displayShortcut(shortcut, false)})`}
      disabled={!enabled}
      data-command={id}
      onClick={() => runCommand(command, actions)}
    >
      {children ?? command.label}
    </button>
  );
}
