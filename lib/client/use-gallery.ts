"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { GalleryPage } from "@/lib/api-types";
import { fetchGalleryPage, setImageFavorite } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { galleryFilterParams, type GalleryFilter } from "@/lib/gallery/gallery-filter";

export const GALLERY_PAGE_SIZE = 50;

/** Past images in the filter's order, one cursor page at a time (infinite scroll). */
export function useGallery(filter: GalleryFilter = { sort: "newest" }) {
  const params = galleryFilterParams(filter);
  return useInfiniteQuery({
    queryKey: [...queryKeys.gallery.list, params.toString()],
    queryFn: ({ pageParam }) => fetchGalleryPage({ limit: GALLERY_PAGE_SIZE, cursor: pageParam, filter: params }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Star or unstar an image: shown at once in every cached gallery page, then the lists are
 * refetched (a "favourites only" view must drop an unstarred image).
 */
export function useToggleFavorite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, favorite }: { id: string; favorite: boolean }) => setImageFavorite(id, favorite),
    onMutate: ({ id, favorite }) => {
      client.setQueriesData<InfiniteData<GalleryPage>>({ queryKey: queryKeys.gallery.list }, (data) =>
        data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === id ? { ...i, favorite } : i)) })) } : data,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.gallery.list }),
  });
}
