"use client";

import { MenuButton } from "@/components/ui/menu-button";
import { targetLabel, useUseAs } from "@/lib/playground-form/use-as";
import { useAsGroups } from "@/lib/playground-form/use-as-groups";
import { useModels } from "@/lib/queries/use-models";

interface UseAsMenuProps {
  image: { url: string; id: string };
  /** Accessible name, e.g. "Use result 2 as…". */
  label: string;
  placement?: "up" | "down";
  /** After the image is in the form (e.g. close the large view). */
  onDone?: () => void;
}

const itemClass =
  "block w-full px-5 py-1.5 text-left text-sm text-neutral-800 hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none";

/**
 * "Use as…": puts a result into another task's or model's form (source image, garment, style
 * reference, condition image, variation input, reference images), switches to it and brings the
 * form into view. A model that cannot take the image has an item that says why.
 */
export function UseAsMenu({ image, label, placement, onDone }: UseAsMenuProps) {
  const { apply, pendingId, error, explain } = useUseAs();
  const groups = useAsGroups(useModels().data);
  return (
    <div className="flex flex-col items-start gap-1">
      <MenuButton label={label} text={pendingId ? "Loading…" : "Use as…"} placement={placement} disabled={pendingId !== null}>
        {groups.map((g) => (
          <div key={g.key} role="group" aria-label={g.label} className="py-1">
            <p aria-hidden="true" className="px-3 pt-1 text-xs font-semibold text-neutral-500">
              {g.label}
            </p>
            {g.refusal && (
              // Not disabled: choosing it says why the image cannot go there (the menu closes on click).
              <button type="button" role="menuitem" onClick={() => explain(g.refusal!)} className={`${itemClass} italic`}>
                {g.refusal}
              </button>
            )}
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
                className={itemClass}
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
