"use client";

import type { KeyboardEvent } from "react";
import { fixNotice } from "@/components/image-input/fix-notice";
import { ArrowIcon, CloseIcon } from "@/components/image-input/icons";
import { ImagePreview } from "@/components/image-input/image-preview";
import { ProblemList } from "@/components/image-input/problem-list";
import { StatusLine } from "@/components/image-input/status-line";
import { iconButton } from "@/components/image-input/styles";
import { useImageFix } from "@/components/image-input/use-image-fix";
import { imageIssues, type ImageValue } from "@/lib/browser-images";

const IDLE = { state: "idle" } as const;

interface MultiImageItemProps {
  itemKey: string;
  domId: string;
  /** The request field of this item: "images[2]". */
  field: string;
  value: ImageValue;
  index: number;
  count: number;
  notices: string[];
  onMove: (from: number, to: number, control: string) => void;
  onRemove: (index: number) => void;
  onReplace: (next: ImageValue, notice: string) => void;
}

/**
 * One image of a list: preview, position, move up/down (buttons, or Alt+↑/↓ anywhere in the
 * item), remove, and its own problems with their fixes.
 */
export function MultiImageItem({ itemKey, domId, field, value, index, count, notices, onMove, onRemove, onReplace }: MultiImageItemProps) {
  const fixer = useImageFix();
  const issues = imageIssues(value, { field });
  const n = index + 1;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
    const to = e.key === "ArrowUp" ? index - 1 : index + 1;
    if (to < 0 || to >= count) return;
    e.preventDefault();
    const control = (e.target as HTMLElement).closest("[data-control]")?.getAttribute("data-control") ?? "up";
    onMove(index, to, control);
  };

  return (
    <li data-item-key={itemKey} onKeyDown={onKeyDown} className="flex flex-col gap-2" aria-label={`Image ${n} of ${count}`}>
      <ImagePreview
        value={value}
        alt={`Image ${n} of ${count}`}
        compact
        actions={
          <>
            <span className="mr-1 text-xs font-medium tabular-nums text-neutral-500" aria-hidden>
              #{n}
            </span>
            <button type="button" data-control="up" disabled={index === 0} onClick={() => onMove(index, index - 1, "up")} aria-label={`Move image ${n} up`} title="Move up (Alt+↑)" className={iconButton}>
              <ArrowIcon dir="up" />
            </button>
            <button type="button" data-control="down" disabled={index === count - 1} onClick={() => onMove(index, index + 1, "down")} aria-label={`Move image ${n} down`} title="Move down (Alt+↓)" className={iconButton}>
              <ArrowIcon dir="down" />
            </button>
            <button type="button" data-control="remove" onClick={() => onRemove(index)} aria-label={`Remove image ${n}`} title="Remove" className={iconButton}>
              <CloseIcon />
            </button>
          </>
        }
      />
      <StatusLine id={`${domId}-status`} status={IDLE} notices={notices} fixError={fixer.error} />
      <ProblemList
        id={`${domId}-problems`}
        issues={issues}
        busy={fixer.busy}
        onFix={async (fix, colour) => {
          const next = await fixer.apply(value, fix, { colour });
          if (next) onReplace(next, fixNotice(fix, next, colour));
        }}
      />
    </li>
  );
}
