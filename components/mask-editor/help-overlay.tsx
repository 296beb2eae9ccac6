"use client";

import { displayShortcut } from "@/lib/canvas/commands/keys";
import { COMMANDS } from "@/lib/canvas/commands/registry";
import type { CommandGroup } from "@/lib/canvas/commands/types";

const GROUPS: { group: CommandGroup; title: string }[] = [
  { group: "tools", title: "Tools" },
  { group: "edit", title: "History" },
  { group: "mask", title: "Mask" },
  { group: "view", title: "View" },
];

const GESTURES: [string, string][] = [
  ["Space + drag, middle button, two fingers", "Pan"],
  ["Wheel, pinch", "Zoom at the pointer"],
  ["Enter, double-click, click the first point", "Close a polygon lasso"],
  ["Backspace / Escape", "Remove the last polygon point / drop the polygon"],
  ["X", "Rectangle and lassos: switch between adding and cutting"],
];

/** Every shortcut, from the same command list the keys and buttons use. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <div role="dialog" aria-modal="false" aria-labelledby="mask-help-title" className="absolute inset-0 z-20 overflow-auto bg-black/60 p-4" onClick={onClose}>
      <div className="mx-auto max-w-2xl rounded-lg bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <div className="mb-3 flex items-center justify-between">
          <h2 id="mask-help-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
          <button type="button" className="rounded-md border border-neutral-300 px-2.5 py-1 text-sm" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {GROUPS.map(({ group, title }) => (
            <section key={group}>
              <h3 className="mb-1 text-sm font-semibold text-neutral-700">{title}</h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                {COMMANDS.filter((c) => c.group === group).map((c) => (
                  <div key={c.id} className="contents">
                    <dt>
                      {c.shortcuts.map((s) => (
                        <kbd key={s} className="mr-1 rounded border border-neutral-300 bg-neutral-50 px-1.5 font-mono text-xs">
                          {displayShortcut(s, mac)}
                        </kbd>
                      ))}
                    </dt>
                    <dd className="text-neutral-700">{c.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section className="sm:col-span-2">
            <h3 className="mb-1 text-sm font-semibold text-neutral-700">Pointer</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {GESTURES.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-neutral-600">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
