"use client";

import type { ReactNode } from "react";
import { PlainImg } from "@/components/ui/plain-img";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { DownloadCloseButtons } from "@/components/ui/download-close-buttons";

export interface DialogImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** Lines shown under the image: seed, size, cost, … */
  details: string[];
  downloadName: string;
}

/**
 * The large view: a native modal <dialog> (focus is trapped, Escape closes it).
 * Rendered only while an image is open; `onClose` clears the selection. `actions` go beside
 * Download (e.g. a "Use as…" menu).
 */
export function ImageDialog({ image, onClose, actions }: { image: DialogImage; onClose: () => void; actions?: ReactNode }) {
  const { ref, onBackdropClick, close } = useModalDialog();

  return (
    <dialog
      ref={ref}
      aria-label={image.alt}
      onClose={onClose}
      onClick={onBackdropClick}
      className="m-auto max-h-[95vh] max-w-[95vw] rounded-lg bg-white p-0 shadow-xl"
    >
      <div className="flex flex-col gap-3 p-4">
        <PlainImg
          src={image.url}
          alt={image.alt}
          width={image.width}
          height={image.height}
          loading="eager"
          className="max-h-[75vh] w-auto max-w-full object-contain"
        />
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-neutral-700">
            {image.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center gap-2">
            {actions}
            <DownloadCloseButtons url={image.url} downloadName={image.downloadName} onClose={close} />
          </div>
        </div>
      </div>
    </dialog>
  );
}
