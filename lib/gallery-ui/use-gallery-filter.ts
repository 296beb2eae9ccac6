"use client";
/**
 * The gallery filter lives in the URL (?task=…&q=…): reload- and bookmark-proof. The controls
 * read a local copy so they respond at once; the URL follows (router.replace is a transition),
 * and a URL change from elsewhere (back button) replaces the copy.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { galleryFilterParams, parseGalleryFilter, type GalleryFilter } from "@/lib/gallery/gallery-filter";

function fromParams(params: URLSearchParams): GalleryFilter {
  const parsed = parseGalleryFilter(params);
  // A hand-edited bad URL falls back to the plain gallery rather than an error page.
  return parsed.ok ? parsed.filter : { sort: "newest" };
}

export function useGalleryFilter(): [GalleryFilter, (next: GalleryFilter) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const [seen, setSeen] = useState(query);
  const [filter, setLocal] = useState<GalleryFilter>(() => fromParams(new URLSearchParams(query)));
  if (query !== seen) {
    setSeen(query);
    if (galleryFilterParams(filter).toString() !== query) setLocal(fromParams(new URLSearchParams(query)));
  }
  const setFilter = useCallback(
    (next: GalleryFilter) => {
      setLocal(next);
      const qs = galleryFilterParams(next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [filter, setFilter];
}
