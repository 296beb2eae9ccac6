import type { ReactNode } from "react";
import { checkerboard } from "@/components/image-input/styles";
import { PlainImg } from "@/components/ui/plain-img";
import { describeImage, type ImageValue } from "@/lib/browser-images";

interface ImagePreviewProps {
  value: ImageValue;
  /** Alt text: what the image is for ("Source image", "Image 2 of 3"). */
  alt: string;
  /** Buttons at the right: replace, remove, move… */
  actions: ReactNode;
  compact?: boolean;
}

/** The picked image over a checkerboard (so transparency shows), with its size, bytes and format. */
export function ImagePreview({ value, alt, actions, compact }: ImagePreviewProps) {
  return (
    <div className="flex gap-3 rounded-lg border border-neutral-200 bg-white p-2">
      <div className={`flex shrink-0 items-center justify-center overflow-hidden rounded ${compact ? "h-20 w-20" : "h-32 w-32"}`} style={checkerboard}>
        <PlainImg src={value.dataUrl} alt={alt} width={value.width} height={value.height} loading="eager" className="max-h-full max-w-full object-contain" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <p className="truncate text-sm font-medium text-neutral-800" title={value.name}>
          {value.name}
        </p>
        <p className="text-xs tabular-nums text-neutral-600">{describeImage(value)}</p>
        {value.sourceImageId && <p className="text-xs text-neutral-500">From the gallery</p>}
        <div className="mt-auto flex flex-wrap items-center gap-2">{actions}</div>
      </div>
    </div>
  );
}
