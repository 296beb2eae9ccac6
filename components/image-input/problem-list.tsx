"use client";

import { useState } from "react";
import { smallButton } from "@/components/image-input/styles";
import { DEFAULT_PAD_COLOUR, type ClientFix, type ImageIssue } from "@/lib/browser-images";

interface ProblemListProps {
  id: string;
  issues: ImageIssue[];
  /** The fix in progress (its button says "Working…"; all are disabled meanwhile). */
  busy: ClientFix | null;
  onFix: (fix: ClientFix, colour: string) => void;
}

/** Fixes that fill with a colour get a colour picker beside their button. */
const COLOURED: ReadonlySet<ClientFix> = new Set(["pad", "flatten"]);

/**
 * Each rule the image breaks, in the API's words, with one button per fix. Nothing is changed
 * until a button is pressed. A live region, so a newly read image's problems are announced.
 */
export function ProblemList({ id, issues, busy, onFix }: ProblemListProps) {
  const [colours, setColours] = useState<Partial<Record<ClientFix, string>>>({});
  return (
    <div id={id} aria-live="polite" aria-atomic="false">
      {issues.length > 0 && (
        <ul className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-2.5 text-sm text-red-900">
          {issues.map((issue) => (
            <li key={issue.message} className="flex flex-col gap-1.5">
              <span>{issue.message}</span>
              {issue.fixes.length > 0 && (
                <span className="flex flex-wrap items-center gap-2">
                  {issue.fixes.map(({ fix, label }) => {
                    const colour = colours[fix] ?? DEFAULT_PAD_COLOUR;
                    return (
                      <span key={fix} className="inline-flex items-center gap-1">
                        <button type="button" disabled={busy !== null} onClick={() => onFix(fix, colour)} className={smallButton}>
                          {busy === fix ? "Working…" : label}
                        </button>
                        {COLOURED.has(fix) && (
                          <input
                            type="color"
                            value={colour}
                            disabled={busy !== null}
                            onChange={(e) => setColours((c) => ({ ...c, [fix]: e.target.value }))}
                            aria-label={fix === "pad" ? "Padding colour" : "Colour to flatten onto"}
                            title={fix === "pad" ? "Padding colour" : "Colour to flatten onto"}
                            className="h-8 w-9 cursor-pointer rounded border border-neutral-300 bg-white p-0.5"
                          />
                        )}
                      </span>
                    );
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
