"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchGalleryPage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export const GALLERY_PAGE_SIZE = 50;

/** Past images, newest first, one cursor page at a time ("Load more"). */
export function useGallery() {
  return useInfiniteQuery({
    queryKey: queryKeys.gallery.list,
    queryFn: ({ pageParam }) => fetchGalleryPage({ limit: GALLERY_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
