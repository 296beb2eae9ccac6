"use client";

import { useRef, useState } from "react";
import { ImageInput } from "@/components/image-input/image-input";
import type { ImageValue } from "@/lib/playground-form/draft-types";
import { paletteFromImage } from "@/lib/browser-images/palette-from-image";

interface Props {
  max: number;
  onUse: (colors: string[]) => void;
  onCancel: () => void;
}

/**
 * Pick or drop an image, see its dominant colours (median cut on a downsampled copy, all in the
 * browser; the image itself is not sent), and use them as the palette.
 */
export default function PaletteFromImagePanel({ max, onUse, onCancel }: Props) {
  const [image, setImage] = useState<ImageValue | null>(null);
  const [count, setCount] = useState(Math.min(5, max));
  const [found, setFound] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const extract = (img: ImageValue | null, n: number) => {
    const run = ++latest.current;
    setError(null);
    if (!img) return setFound([]);
    paletteFromImage(img.dataUrl, n).then(
      (colors) => run === latest.current && setFound(colors),
      () => run === latest.current && setError("Could not read the colours of this image."),
    );
  };

  return (
    <section aria-label="Take colours from an image" className="flex flex-col gap-3 rounded-md border border-neutral-200 bg-neutral-50 p-3">
      <ImageInput
        id="palette-source"
        field="palette_source"
        label="Image to take colours from"
        help="Any picture: its most common colours become the palette. It is not sent with the request."
        value={image}
        onChange={(v) => {
          setImage(v);
          extract(v, count);
        }}
      />
      <label className="flex items-center gap-2 text-sm">
        Colours to take
        <input
          type="number"
          min={1}
          max={max}
          value={count}
          onChange={(e) => {
            const n = Math.min(max, Math.max(1, Math.round(Number(e.target.value)) || 1));
            setCount(n);
            extract(image, n);
          }}
          className="w-16 rounded-md border border-neutral-300 px-2 py-1"
        />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {found.length > 0 && (
        <ul aria-label="Colours found" className="flex flex-wrap gap-1.5">
          {found.map((c) => (
            <li key={c} className="flex items-center gap-1 rounded border border-neutral-200 bg-white py-0.5 pr-1.5 pl-0.5 font-mono text-xs">
              <span aria-hidden="true" className="size-4 rounded-sm border border-neutral-300" style={{ backgroundColor: c }} />
              {c}
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <button type="button" disabled={found.length === 0} onClick={() => onUse(found)} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-700 disabled:opacity-50">
          Use these colours
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100">
          Cancel
        </button>
      </div>
    </section>
  );
}
