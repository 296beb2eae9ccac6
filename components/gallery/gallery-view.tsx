"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DetailActions } from "@/components/gallery/detail-actions";
import { GalleryCard } from "@/components/gallery/gallery-card";
import { SelectionBar } from "@/components/gallery/selection-bar";
import { JobDetailDialog } from "@/components/gallery/job-detail-dialog";
import { lazyClient } from "@/components/ui/lazy-client";
import { Alert } from "@/components/ui/alert";
import type { GalleryItem } from "@/lib/api-types";
import { describeError } from "@/lib/queries/api";
import { useGallerySelection } from "@/lib/gallery-ui/gallery-selection";
import { useGallery, useToggleFavorite } from "@/lib/queries/use-gallery";
import { useGalleryFilter } from "@/lib/gallery-ui/use-gallery-filter";
import { galleryFilterParams, isFiltered, type GalleryFilter } from "@/lib/gallery/gallery-filter";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { VirtualGrid } from "@/components/gallery/virtual-grid";

const UseAsMenu = lazyClient(() => import("@/components/playground/use-as-menu").then((m) => m.UseAsMenu));

/**
 * Past images, filtered and sorted as the URL says, 50 at a time as the page scrolls; a click
 * opens the image with the job it came from.
 */
export function GalleryView() {
  const router = useRouter();
  const [filter, setFilter] = useGalleryFilter();
  return (
    <div className="flex flex-col gap-4">
      <GalleryFilters filter={filter} onChange={setFilter} />
      <GalleryGrid filter={filter} onClearFilters={() => setFilter({ sort: filter.sort })} onUseImage={() => router.push("/")} />
    </div>
  );
}

function GalleryGrid({ filter, onClearFilters, onUseImage }: { filter: GalleryFilter; onClearFilters(): void; onUseImage(): void }) {
  const { data, error, isPending, fetchNextPage, hasNextPage, isFetchingNextPage } = useGallery(filter);
  const favorite = useToggleFavorite();
  const [open, setOpen] = useState<GalleryItem | null>(null);
  const selected = useGallerySelection((s) => s.ids);
  const click = useGallerySelection((s) => s.click);

  if (isPending) return <p className="text-sm text-neutral-500">Loading images…</p>;
  if (error && !data) return <Alert tone="error">Could not load the gallery: {describeError(error)}</Alert>;

  const items = data.pages.flatMap((p) => p.items);
  const order = items.map((i) => i.id);
  const openIndex = open ? order.indexOf(open.id) : -1;
  if (items.length === 0 && isFiltered(filter)) {
    return (
      <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center">
        <p className="text-neutral-600">No images match these filters.</p>
        <button type="button" onClick={onClearFilters} className="mt-2 font-medium text-blue-700 underline hover:text-blue-900">
          Clear filters
        </button>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center">
        <p className="text-neutral-600">No images yet.</p>
        <Link href="/" className="mt-2 inline-block font-medium text-blue-700 underline hover:text-blue-900">
          Make your first one in the playground
        </Link>
      </div>
    );
  }

  return (
    <>
      {/* Keyed by the view: a note about the last "select all" belongs to the view it was made in. */}
      <SelectionBar key={galleryFilterParams(filter).toString()} filter={filter} itemsById={new Map(items.map((i) => [i.id, i]))} />
      <VirtualGrid
        items={items}
        label="Images"
        getKey={(item) => item.id}
        onNearEnd={() => hasNextPage && !isFetchingNextPage && void fetchNextPage()}
        renderItem={(item) => (
          <GalleryCard
            item={item}
            onOpen={setOpen}
            selected={selected.includes(item.id)}
            onSelect={(shift) => click(item.id, shift, order)}
            onFavorite={() => favorite.mutate({ id: item.id, favorite: !item.favorite })}
          />
        )}
      />
      {error && <Alert tone="error">Could not load more: {describeError(error)}</Alert>}
      {!hasNextPage && (
        <p data-testid="gallery-end" className="py-4 text-center text-sm text-neutral-500">
          End of the gallery · {items.length.toLocaleString("en-US")} image{items.length === 1 ? "" : "s"}
        </p>
      )}
      {hasNextPage && (
        <div className="flex justify-center">
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            className="rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-neutral-100 disabled:text-neutral-500"
          >
            {isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
      {open && (
        <JobDetailDialog
          key={open.id}
          item={open}
          onClose={() => setOpen(null)}
          onPrev={openIndex > 0 ? () => setOpen(items[openIndex - 1]) : undefined}
          onNext={openIndex >= 0 && openIndex < items.length - 1 ? () => setOpen(items[openIndex + 1]) : undefined}
          onOpenImage={setOpen}
          onReused={onUseImage}
          // The form lives on the playground: fill it, then go there.
          actions={(img) => (
            <>
              <DetailActions item={items[openIndex] ?? open} onFavorite={(fav) => favorite.mutate({ id: open.id, favorite: fav })} onDeleted={() => setOpen(null)} />
              <UseAsMenu image={img} label="Use this image as…" onDone={onUseImage} />
            </>
          )}
        />
      )}
    </>
  );
}
