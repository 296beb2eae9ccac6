"use client";

import { useCallback, useRef, useState } from "react";
import {
  fetchImageUrl,
  ImageLoadError,
  loadGalleryImage,
  prepareImage,
  type ImageKind,
  type PreparedImage,
} from "@/lib/browser-images";

export type ImageSource =
  | { type: "blob"; blob: Blob; name: string }
  | { type: "url"; text: string }
  | { type: "gallery"; id: string };

export type LoadStatus = { state: "idle" } | { state: "reading"; label: string } | { state: "error"; message: string };

function messageOf(e: unknown): string {
  if (e instanceof ImageLoadError) return e.message;
  return `Could not read the image${e instanceof Error && e.message ? `: ${e.message}` : "."}`;
}

function prepare(s: ImageSource, kind: ImageKind, field: string): Promise<PreparedImage> {
  if (s.type === "gallery") return loadGalleryImage(s.id, { kind, field });
  if (s.type === "blob") return prepareImage(s.blob, { name: s.name, kind, field });
  return fetchImageUrl(s.text).then((f) => prepareImage(f.blob, { name: f.name, sourceImageId: f.sourceImageId, kind, field }));
}

/**
 * Reads sources one after another (one decoded photo in memory at a time) with a status line.
 * `supersede` (single inputs): a newer load makes an older one's result be dropped, so a slow
 * URL fetch can never overwrite the file that was dropped after it.
 */
export function useImageLoader(opts: { kind: ImageKind; field: (index: number) => string; supersede: boolean }) {
  const { kind, field, supersede } = opts;
  const [status, setStatus] = useState<LoadStatus>({ state: "idle" });
  const seq = useRef(0);

  const load = useCallback(
    async (sources: ImageSource[], firstIndex = 0): Promise<PreparedImage[]> => {
      const id = ++seq.current;
      const current = () => !supersede || id === seq.current;
      const done: PreparedImage[] = [];
      const errors: string[] = [];
      for (const [i, s] of sources.entries()) {
        setStatus({ state: "reading", label: sources.length > 1 ? `Reading image ${i + 1} of ${sources.length}…` : "Reading image…" });
        try {
          done.push(await prepare(s, kind, field(firstIndex + done.length)));
        } catch (e) {
          errors.push(sources.length > 1 && s.type === "blob" ? `${s.name}: ${messageOf(e)}` : messageOf(e));
        }
        if (!current()) return [];
      }
      setStatus(errors.length ? { state: "error", message: errors.join(" ") } : { state: "idle" });
      return done;
    },
    [kind, field, supersede],
  );

  const fail = useCallback((message: string) => setStatus({ state: "error", message }), []);
  const clear = useCallback(() => setStatus({ state: "idle" }), []);
  return { status, load, fail, clear };
}
