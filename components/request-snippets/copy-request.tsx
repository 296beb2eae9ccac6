"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import type { ApiJob } from "@/lib/api-types";

const loadPanel = () => import("@/components/request-snippets/snippets-panel");

// The panel (snippet builders, model schemas) stays out of first-load JS until asked for.
const SnippetsPanel = dynamic(() => loadPanel().then((m) => m.SnippetsPanel), {
  ssr: false,
  loading: () => <p className="text-sm text-neutral-500">Loading…</p>,
});

/**
 * "Copy request": shows the job as a ready-to-run cURL / Python / TypeScript request for the
 * EmpirioLabs API, in a disclosure panel below the button (no nested modal: it also lives inside
 * the gallery's large view).
 */
export function CopyRequestButton({ job }: { job: ApiJob }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col items-start gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        // Warm the chunk as soon as the person shows interest.
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100"
      >
        Copy request
      </button>
      {open && (
        <div id={panelId} className="w-full">
          <SnippetsPanel job={job} />
        </div>
      )}
    </div>
  );
}
