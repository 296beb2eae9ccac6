import type { ReactNode } from "react";
import { PlainImg } from "@/components/ui/plain-img";
import type { ApiImage } from "@/lib/api-types";
import { formatDateTime, formatDollars, formatPixels } from "@/lib/display/format";
import { DownloadCloseButtons } from "@/components/ui/download-close-buttons";

export function downloadName(image: Pick<ApiImage, "jobId" | "index" | "contentType">): string {
  const ext = image.contentType === "image/jpeg" ? "jpg" : "png";
  return `nova-canvas-${image.jobId.slice(0, 8)}-${image.index + 1}.${ext}`;
}

interface LargeImageProps {
  image: ApiImage;
  alt: string;
  task: string;
  /** The name of the model that made it (modelLabel: the id for a model no longer offered). */
  model: string;
  onClose: () => void;
  /** Extra buttons before Download (e.g. "Use as…"). */
  actions?: ReactNode;
}

/** The full image with its facts, Download and Close (the left side of the gallery's large view). */
export function LargeImage({ image, alt, task, model, onClose, actions }: LargeImageProps) {
  const details = [
    task,
    model,
    `Seed ${image.seed ?? "—"}`,
    formatPixels(image.width, image.height),
    formatDollars(image.costUsd),
    formatDateTime(image.createdAt),
  ];
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-3 p-4">
      <div className="flex min-h-0 flex-1 items-center justify-center bg-neutral-100">
        <PlainImg
          key={image.id}
          src={image.url}
          alt={alt}
          width={image.width}
          height={image.height}
          loading="eager"
          data-testid="gallery-large-image"
          className="max-h-[70vh] w-auto max-w-full object-contain"
        />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-neutral-700">
          {details.map((d, i) => (
            <li key={i} data-testid={i === 1 ? "gallery-large-model" : undefined}>
              {d}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          {actions}
          <DownloadCloseButtons url={image.url} downloadName={downloadName(image)} onClose={onClose} />
        </div>
      </div>
    </div>
  );
}
