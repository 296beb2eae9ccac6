"use client";

import { CommandButton } from "@/components/mask-editor/command-button";
import type { EditorActions } from "@/lib/canvas/commands/types";
import { TOOL_IDS, type ToolId } from "@/lib/canvas/editor/tool-ids";
import { zoomLabel } from "@/lib/canvas/editor/view-ops";
import { useMaskEditor } from "@/lib/mask-editor/mask-editor-store";

const SHORT: Record<ToolId, string> = { brush: "Brush", eraser: "Eraser", rect: "Rect", lasso: "Lasso", polygon: "Polygon", hand: "Hand" };

function Group({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="group" aria-label={label} className="flex items-center gap-1">
      {children}
    </div>
  );
}

/** Tools, history, whole-mask commands and zoom: every button is a command (same as its key). */
export function EditorToolbar({ actions, zoom }: { actions: EditorActions; zoom: number }) {
  const tool = useMaskEditor((s) => s.tool);
  const shapeMode = useMaskEditor((s) => s.shapeMode);
  const n = useMaskEditor((s) => s.morphologyN);
  const setN = useMaskEditor((s) => s.setMorphologyN);
  const shapes = tool === "rect" || tool === "lasso" || tool === "polygon";
  return (
    <div role="toolbar" aria-label="Mask tools" className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-neutral-200 bg-neutral-50 px-3 py-2">
      <Group label="Tools">
        {TOOL_IDS.map((id) => (
          <CommandButton key={id} id={`tool-${id}`} actions={actions} pressed={tool === id}>
            {SHORT[id]}
          </CommandButton>
        ))}
        <CommandButton id="shape-mode" actions={actions} pressed={shapes && shapeMode === "erase"}>
          {shapeMode === "add" ? "Shapes: add" : "Shapes: cut"}
        </CommandButton>
      </Group>
      <Group label="History">
        <CommandButton id="undo" actions={actions} />
        <CommandButton id="redo" actions={actions} />
      </Group>
      <Group label="Whole mask">
        <CommandButton id="fill-all" actions={actions} />
        <CommandButton id="clear" actions={actions} />
        <CommandButton id="invert" actions={actions} />
        <label className="flex items-center gap-1 text-sm text-neutral-700">
          <span className="sr-only">Grow or shrink by (pixels)</span>
          <input
            type="number"
            min={1}
            max={256}
            value={n}
            onChange={(e) => setN(Number(e.target.value))}
            className="h-9 w-16 rounded-md border border-neutral-300 px-2 text-sm"
            aria-label="Grow or shrink by (pixels)"
          />
          px
        </label>
        <CommandButton id="grow" actions={actions} />
        <CommandButton id="shrink" actions={actions} />
      </Group>
      <Group label="Zoom">
        <CommandButton id="zoom-out" actions={actions}>−</CommandButton>
        <output aria-label="Zoom" className="w-16 text-center text-sm tabular-nums" data-testid="zoom-readout">
          {zoomLabel(zoom)}
        </output>
        <CommandButton id="zoom-in" actions={actions}>+</CommandButton>
        <CommandButton id="zoom-fit" actions={actions}>Fit</CommandButton>
        <CommandButton id="zoom-100" actions={actions}>100 %</CommandButton>
        <CommandButton id="zoom-200" actions={actions}>200 %</CommandButton>
        <CommandButton id="help" actions={actions}>
          <span aria-hidden>?</span>
          <span className="sr-only">Keyboard shortcuts</span>
        </CommandButton>
      </Group>
    </div>
  );
}
