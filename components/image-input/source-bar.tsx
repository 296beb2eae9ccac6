"use client";

import { useState, type KeyboardEvent } from "react";
import { smallButton } from "@/components/image-input/styles";
import { inputBase } from "@/components/ui/form-field";

interface SourceBarProps {
  id: string;
  /** Shown when the drop zone is not (a value is set, or the multi list has items): "Choose file…" / "Replace…". */
  chooseLabel?: string;
  onChoose: () => void;
  onGallery: () => void;
  onUrl: (url: string) => void;
  disabled?: boolean;
}

/**
 * The other ways in: the gallery and a URL (and the file picker when the drop zone is hidden).
 * The URL box is not a <form>: it sits inside the generation form, and Enter must fetch, not submit.
 */
export function SourceBar({ id, chooseLabel, onChoose, onGallery, onUrl, disabled }: SourceBarProps) {
  const [urlOpen, setUrlOpen] = useState(false);
  const [url, setUrl] = useState("");
  const submit = () => {
    if (!url.trim()) return;
    onUrl(url);
    setUrl("");
    setUrlOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      e.stopPropagation();
      submit();
    } else if (e.key === "Escape") {
      e.preventDefault();
      setUrlOpen(false);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {chooseLabel && (
          <button type="button" onClick={onChoose} disabled={disabled} className={smallButton}>
            {chooseLabel}
          </button>
        )}
        <button type="button" onClick={onGallery} disabled={disabled} className={smallButton} aria-haspopup="dialog">
          From gallery
        </button>
        <button
          type="button"
          onClick={() => setUrlOpen((o) => !o)}
          disabled={disabled}
          aria-expanded={urlOpen}
          aria-controls={`${id}-url`}
          className={smallButton}
        >
          From URL
        </button>
      </div>
      {urlOpen && (
        <div id={`${id}-url`} className="flex gap-2">
          <input
            type="url"
            inputMode="url"
            autoFocus
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="https://…/image.png"
            aria-label="Image URL"
            aria-describedby={`${id}-url-help`}
            className={`${inputBase} min-w-0 flex-1`}
          />
          <button type="button" onClick={submit} disabled={disabled || !url.trim()} className={smallButton}>
            Fetch
          </button>
          <p id={`${id}-url-help`} className="sr-only">
            Your browser fetches the image; sites that do not allow it (CORS) cannot be read this way.
          </p>
        </div>
      )}
    </div>
  );
}
