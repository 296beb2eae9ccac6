"use client";

import { MenuButton } from "@/components/ui/menu-button";
import { USE_AS_TARGETS, targetLabel, useUseAs } from "@/lib/playground-form/use-as";
import { TASK_LABELS, TASK_TYPES } from "@/lib/models";

interface UseAsMenuProps {
  image: { url: string; id: string };
  /** Accessible name, e.g. "Use result 2 as…". */
  label: string;
  placement?: "up" | "down";
  /** After the image is in the form (e.g. close the large view). */
  onDone?: () => void;
}

const GROUPS = TASK_TYPES.map((task) => ({ task, targets: USE_AS_TARGETS.filter((t) => t.task === task) })).filter(
  (g) => g.targets.length > 0,
);

/**
 * "Use as…": puts a result into another task's form (source image, garment, style reference,
 * condition image, variation input), switches to that task and brings the form into view.
 */
export function UseAsMenu({ image, label, placement, onDone }: UseAsMenuProps) {
  const { apply, pendingId, error } = useUseAs();
  return (
    <div className="flex flex-col items-start gap-1">
      <MenuButton label={label} text={pendingId ? "Loading…" : "Use as…"} placement={placement} disabled={pendingId !== null}>
        {GROUPS.map((g) => (
          <div key={g.task} role="group" aria-label={TASK_LABELS[g.task].label} className="py-1">
            <p aria-hidden="true" className="px-3 pt-1 text-xs font-semibold text-neutral-500">
              {TASK_LABELS[g.task].label}
            </p>
            {g.targets.map((t) => (
              <button
                key={t.id}
                type="button"
                role="menuitem"
                aria-label={targetLabel(t)}
                onClick={async () => {
                  if (await apply(t, image)) {
                    onDone?.();
                    document.getElementById("playground-form")?.scrollIntoView({ behavior: "smooth", block: "start" });
                  }
                }}
                className="block w-full px-5 py-1.5 text-left text-sm text-neutral-800 hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none"
              >
                {t.role}
              </button>
            ))}
          </div>
        ))}
      </MenuButton>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
