"use client";
/**
 * Keeps the form's mask field in step with the painted document of the current source image:
 * after every stroke, undo or redo the mask is exported again; when the same image comes back
 * (task switch, reload, picked again) its painted mask comes back with it. An uploaded mask file
 * is left alone until the person paints on this image.
 */
import { useEffect, useRef, useState } from "react";
import { IncrementalRaster } from "@/lib/canvas/incremental-raster";
import { isEmptyMask } from "@/lib/canvas/mask-export";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { exportMaskValue, isPaintedMask } from "@/lib/mask-editor/export-mask";
import { imageKeyOf } from "@/lib/mask-editor/image-key";
import { ensureMasksHydrated, useMaskDocs } from "@/lib/mask-editor/mask-docs-store";
import { registerMaskExport } from "@/lib/playground-form/loading-controls";

/** Export at most this often while someone is painting quickly. */
const EXPORT_DELAY_MS = 120;

export function usePaintedMaskSync(image: ImageValue | null, mask: ImageValue | null, setMask: (v: ImageValue | null) => void) {
  const key = image ? imageKeyOf(image) : null;
  const doc = useMaskDocs((s) => (key ? s.docs[key] : undefined));
  const [raster] = useState(() => new IncrementalRaster());
  const revisionAtMount = useRef<{ key: string | null; revision: number | undefined } | null>(null);
  const latest = useRef({ mask, setMask });

  useEffect(() => {
    void ensureMasksHydrated();
  }, []);

  // Runs before the effect below on every render, so it always sees the current value and setter.
  useEffect(() => {
    latest.current = { mask, setMask };
  });

  useEffect(() => {
    // An uploaded file wins until this image's document changes while the form is open: remember
    // the revision (or absence) first seen for this image.
    if (revisionAtMount.current?.key !== key) revisionAtMount.current = { key, revision: doc?.revision };
    if (!key || !doc) return;
    const current = latest.current.mask;
    if (isPaintedMask(current) && current.painted.key === key && current.painted.revision === doc.revision) return;
    const uploaded = current !== null && !isPaintedMask(current);
    if (uploaded && revisionAtMount.current.revision === doc.revision) return;

    let cancelled = false;
    // Run waits until the form holds this revision's mask (loading-controls.ts).
    const done = registerMaskExport();
    const timer = setTimeout(() => {
      const bitmap = raster.render(doc.width, doc.height, doc.done);
      if (isEmptyMask(bitmap)) {
        if (isPaintedMask(latest.current.mask)) latest.current.setMask(null);
        done();
        return;
      }
      exportMaskValue(bitmap, { key, revision: doc.revision })
        .then(
          (value) => !cancelled && latest.current.setMask(value),
          () => undefined,
        )
        .finally(done);
    }, EXPORT_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      done();
    };
  }, [key, doc, raster]);
}
