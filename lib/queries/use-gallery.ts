"use client";

import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { GalleryPage } from "@/lib/api-types";
import { fetchGalleryPage, fetchLineage, setImageFavorite, setImagesFavorite } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";
import { galleryFilterParams, type GalleryFilter } from "@/lib/gallery/gallery-filter";

export const GALLERY_PAGE_SIZE = 50;

/** Past images in the filter's order, one cursor page at a time (infinite scroll). */
export function galleryQueryOptions(filter: GalleryFilter) {
  const params = galleryFilterParams(filter);
  return infiniteQueryOptions({
    queryKey: queryKeys.gallery.filtered(params.toString()),
    queryFn: ({ pageParam }) => fetchGalleryPage({ limit: GALLERY_PAGE_SIZE, cursor: pageParam, filter: params }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGallery(filter: GalleryFilter = { sort: "newest" }) {
  return useInfiniteQuery(galleryQueryOptions(filter));
}

/**
 * Star or unstar an image: shown at once in every cached gallery page, then the lists are
 * refetched (a "favourites only" view must drop an unstarred image).
 */
export function useToggleFavorite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, favorite }: { id: string; favorite: boolean }) => setImageFavorite(id, favorite),
    onMutate: ({ id, favorite }) => showFavorite(client, new Set([id]), favorite),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.gallery.list }),
  });
}

/** Star or unstar many images in one request (the selection bar). */
export function useSetFavorites() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, favorite }: { ids: readonly string[]; favorite: boolean }) => setImagesFavorite(ids, favorite),
    onMutate: ({ ids, favorite }) => showFavorite(client, new Set(ids), favorite),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.gallery.list }),
  });
}

function showFavorite(client: QueryClient, ids: ReadonlySet<string>, favorite: boolean) {
  client.setQueriesData<InfiniteData<GalleryPage>>({ queryKey: queryKeys.gallery.list }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (ids.has(i.id) ? { ...i, favorite } : i)) })) } : data,
  );
}

/** What an image was made from and what was made from it (the large view). */
export const lineageQueryOptions = (imageId: string) =>
  queryOptions({ queryKey: queryKeys.gallery.lineage(imageId), queryFn: () => fetchLineage(imageId) });

export function useLineage(imageId: string) {
  return useQuery(lineageQueryOptions(imageId));
}
