"use client";

import { useState } from "react";
import { shareUrl } from "@/lib/queries/share-api";

/** A share's full link, selectable, with Copy and Open. */
export function CopyLink({ path }: { path: string }) {
  const url = shareUrl(path);
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <input readOnly value={url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-neutral-300 bg-neutral-50 px-2 py-1.5 font-mono text-xs" />
      <button
        type="button"
        className="rounded-md border border-neutral-300 px-2.5 py-1.5 text-sm font-medium hover:bg-neutral-100"
        onClick={() =>
          void navigator.clipboard.writeText(url).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <a href={path} target="_blank" rel="noreferrer" className="rounded-md border border-neutral-300 px-2.5 py-1.5 text-sm font-medium hover:bg-neutral-100">
        Open
      </a>
    </div>
  );
}
