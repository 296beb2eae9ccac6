import type { Metadata } from "next";
import { Suspense } from "react";
import { GalleryView } from "@/components/gallery/gallery-view";
import { JobsInFlight } from "@/components/gallery/jobs-in-flight";
import { SpendSummary } from "@/components/gallery/spend-summary";

export const metadata: Metadata = { title: "Gallery · Nova Canvas Playground" };

export default function GalleryPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Gallery</h1>
      <SpendSummary />
      <JobsInFlight />
      {/* useSearchParams (the filter) needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-neutral-500">Loading images…</p>}>
        <GalleryView />
      </Suspense>
    </div>
  );
}
