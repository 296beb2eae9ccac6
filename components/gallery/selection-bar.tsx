"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { lazyClient } from "@/components/ui/lazy-client";
import type { GalleryItem } from "@/lib/api-types";
import { describeError, fetchGalleryIds } from "@/lib/queries/api";
import { describeFilter } from "@/lib/gallery-ui/describe-filter";
import { GALLERY_SHORTCUTS, galleryKeyAction } from "@/lib/gallery-ui/gallery-shortcuts";
import { useGallerySelection } from "@/lib/gallery-ui/gallery-selection";
import { useSetFavorites } from "@/lib/queries/use-gallery";
import { modelLabel, useModels } from "@/lib/queries/use-models";
import { useDeleteImages } from "@/lib/queries/use-delete-images";
import { galleryFilterParams, isFiltered, type GalleryFilter } from "@/lib/gallery/gallery-filter";

const CompareDialog = lazyClient(() => import("@/components/gallery/compare-dialog").then((m) => m.CompareDialog));
const CreateShareDialog = lazyClient(() => import("@/components/share/create-share-dialog").then((m) => m.CreateShareDialog));

const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-neutral-100 disabled:text-neutral-400";

/** A share being prepared: the selection, or every image of the view (up to the bulk limit). */
interface ShareDraft {
  ids: readonly string[];
  fromView: boolean;
  note?: string;
}

const capNote = (got: number, total: number) => (total > got ? `the first ${got.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}: one action takes at most ${got.toLocaleString("en-US")}` : "");

/**
 * What can be done with the selection: compare, favourite or unfavourite, delete, ZIP, share.
 * "Select all in this view" asks the server for every id the filter matches (not only the
 * loaded pages); with nothing selected, "Share this view…" shares the filter's images.
 */
export function SelectionBar({ filter, itemsById }: { filter: GalleryFilter; itemsById: ReadonlyMap<string, GalleryItem> }) {
  const ids = useGallerySelection((s) => s.ids);
  const selectAll = useGallerySelection((s) => s.selectAll);
  const clear = useGallerySelection((s) => s.clear);
  const [share, setShare] = useState<ShareDraft | null>(null);
  const [comparing, setComparing] = useState(false);
  const [fetching, setFetching] = useState<"select" | "share" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canCompare = ids.length >= 2 && ids.length <= 4;
  const remove = useDeleteImages();
  const favorites = useSetFavorites();
  const { data: models } = useModels();
  const filtered = isFiltered(filter);
  const view = filtered ? "this view" : "the gallery";

  const fetchView = async (purpose: "select" | "share") => {
    setFetching(purpose);
    setMessage(null);
    try {
      return await fetchGalleryIds(galleryFilterParams(filter));
    } catch (e) {
      setMessage(`Could not list the images of ${view}: ${describeError(e)}`);
      return null;
    } finally {
      setFetching(null);
    }
  };

  const selectView = async () => {
    const found = await fetchView("select");
    if (!found) return;
    selectAll(found.ids);
    const cap = capNote(found.ids.length, found.total);
    if (cap) setMessage(`Selected ${cap}.`);
  };

  const shareView = async () => {
    const found = await fetchView("share");
    if (!found) return;
    const cap = capNote(found.ids.length, found.total);
    setShare({ ids: found.ids, fromView: true, note: `Every image in ${view}${cap ? ` (${cap})` : ""}, as it is now: ${found.ids.length.toLocaleString("en-US")} image${found.ids.length === 1 ? "" : "s"}.` });
  };

  const clearAll = () => {
    clear();
    setMessage(null);
  };
  const deleteSelected = () => remove.mutate(ids, { onSuccess: (done) => done && clear() });

  // Keyboard: Ctrl/⌘+A selects the view, Esc clears, Delete deletes (after the confirmation).
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const action = galleryKeyAction(e, document.querySelector("dialog[open]") !== null);
    if (!action || (action !== "select-all" && ids.length === 0)) return;
    e.preventDefault();
    if (action === "select-all") void selectView();
    else if (action === "clear") clearAll();
    else if (!remove.isPending) deleteSelected();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <div role="toolbar" aria-label="Selection" className="sticky top-0 z-20 -mx-1 flex flex-wrap items-center gap-2 rounded-md bg-white/95 px-1 py-2 backdrop-blur">
      <span className="text-sm text-neutral-700" aria-live="polite">
        {ids.length === 0 ? "Click images to select them (shift-click selects a range, Ctrl/⌘+A all)." : `${ids.length.toLocaleString("en-US")} selected`}
        {message && <span className="ml-2 text-neutral-600">{message}</span>}
      </span>
      <span className="flex-1" />
      <button
        type="button"
        className={button}
        onClick={() => void selectView()}
        disabled={fetching !== null}
        aria-keyshortcuts={GALLERY_SHORTCUTS["select-all"].keys}
        title={GALLERY_SHORTCUTS["select-all"].label}
      >
        {fetching === "select" ? "Selecting…" : `Select all in ${view}`}
      </button>
      <button type="button" className={button} onClick={clearAll} disabled={ids.length === 0} aria-keyshortcuts={GALLERY_SHORTCUTS.clear.keys} title={GALLERY_SHORTCUTS.clear.label}>
        Clear selection
      </button>
      <button type="button" className={button} disabled={!canCompare} onClick={() => setComparing(true)} title="Select 2 to 4 images">
        Compare
      </button>
      <button type="button" className={button} disabled={ids.length === 0 || favorites.isPending} onClick={() => favorites.mutate({ ids, favorite: true })}>
        ★ Favourite
      </button>
      <button type="button" className={button} disabled={ids.length === 0 || favorites.isPending} onClick={() => favorites.mutate({ ids, favorite: false })}>
        ☆ Unfavourite
      </button>
      <button
        type="button"
        className={`${button} text-red-800`}
        disabled={ids.length === 0 || remove.isPending}
        onClick={deleteSelected}
        aria-keyshortcuts={GALLERY_SHORTCUTS.delete.keys}
        title={GALLERY_SHORTCUTS.delete.label}
      >
        Delete…
      </button>
      {/* A plain form post: the browser streams the ZIP straight to a download. */}
      <form method="post" action="/api/images/zip">
        <input type="hidden" name="imageIds" value={ids.join(",")} />
        <button type="submit" className={button} disabled={ids.length === 0}>
          Download ZIP
        </button>
      </form>
      <button
        type="button"
        className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-700 disabled:bg-neutral-300"
        onClick={() => (ids.length > 0 ? setShare({ ids, fromView: false }) : void shareView())}
        disabled={fetching !== null}
      >
        {ids.length > 0 ? "Share…" : fetching === "share" ? "Listing…" : `Share ${view}…`}
      </button>
      {favorites.error && <span className="w-full text-sm text-red-700">Could not change favourites: {describeError(favorites.error)}</span>}
      {comparing && canCompare && <CompareDialog items={ids.map((id) => itemsById.get(id)).filter((x): x is GalleryItem => Boolean(x))} onClose={() => setComparing(false)} />}
      {share && (
        <CreateShareDialog
          imageIds={share.ids}
          defaultTitle={share.fromView ? describeFilter(filter, (id) => modelLabel(id, models)) : ""}
          note={share.note}
          onClose={() => setShare(null)}
          onCreated={() => !share.fromView && clear()}
        />
      )}
    </div>
  );
}
