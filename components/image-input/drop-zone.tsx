"use client";

import type { Ref } from "react";
import { UploadIcon } from "@/components/image-input/icons";

interface DropZoneProps {
  id: string;
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
  dragging: boolean;
  reading: boolean;
  /** The line of what is accepted. */
  accepts: string;
  /** The main line; default "Drop an image here, paste it, or click to choose". */
  prompt?: string;
  compact?: boolean;
  onOpen: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * The empty field: one big native button (so Enter and Space open the file picker, and it is
 * named by the field's label); the drag highlight comes from the surrounding field, which is
 * the actual drop target.
 */
export function DropZone({ id, labelId, describedBy, invalid, dragging, reading, accepts, prompt, compact, onOpen, buttonRef }: DropZoneProps) {
  const tone = dragging
    ? "border-blue-600 bg-blue-50 text-blue-900"
    : invalid
      ? "border-red-500 bg-white text-neutral-700 hover:bg-neutral-50"
      : "border-neutral-300 bg-white text-neutral-700 hover:border-neutral-400 hover:bg-neutral-50";
  return (
    <button
      ref={buttonRef}
      id={id}
      type="button"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-busy={reading || undefined}
      onClick={onOpen}
      className={`flex ${compact ? "min-h-20" : "min-h-32"} w-full flex-col items-center justify-center gap-1.5 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors disabled:cursor-not-allowed disabled:bg-neutral-100 disabled:text-neutral-400 ${tone}`}
    >
      <UploadIcon size={22} />
      <span className="text-sm font-medium">
        {reading ? "Reading image…" : dragging ? "Drop to use this image" : (prompt ?? "Drop an image here, paste it, or click to choose")}
      </span>
      <span className="text-xs text-neutral-500">{accepts}</span>
    </button>
  );
}
