"use client";
/**
 * The sweep page's "Contact sheet" and "Share…" actions: the sheet is one PNG the server draws
 * (GET /api/sweeps/{id}/sheet.png); a share of a sweep shows its grid, with its axes, to anyone
 * with the link (the same visibility options as any share).
 */
import { useState } from "react";
import { lazyClient } from "@/components/ui/lazy-client";

const CreateShareDialog = lazyClient(() => import("@/components/share/create-share-dialog").then((m) => m.CreateShareDialog));

const button = "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-50 aria-disabled:pointer-events-none aria-disabled:opacity-50";

export function SweepShareActions({ sweepId, title, hasImages }: { sweepId: string; title: string; hasImages: boolean }) {
  const [sharing, setSharing] = useState(false);
  const why = hasImages ? undefined : "Available once a cell has an image";
  return (
    <>
      <a className={button} href={`/api/sweeps/${sweepId}/sheet.png?download`} download aria-disabled={!hasImages} title={why}>
        Contact sheet (PNG)
      </a>
      <button type="button" className={button} onClick={() => setSharing(true)} disabled={!hasImages} title={why}>
        Share…
      </button>
      {sharing && <CreateShareDialog sweepId={sweepId} defaultTitle={title} note="Visitors see the grid with its axes." onClose={() => setSharing(false)} onCreated={() => undefined} />}
    </>
  );
}
