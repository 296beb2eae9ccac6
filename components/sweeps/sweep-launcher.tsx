"use client";

import { useState } from "react";
import { lazyClient } from "@/components/ui/lazy-client";

/** The builder's code loads when "Sweep…" is first pressed, never with the playground. */
const SweepBuilderDialog = lazyClient(() => import("@/components/sweeps/sweep-builder/sweep-builder-dialog").then((m) => m.SweepBuilderDialog));

/**
 * "Sweep…": opens the sweep builder over the form's current request (the one Run would send).
 * Tiny on purpose: it sits beside Run, in the playground's first load.
 */
export function SweepLauncher({ className }: { className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        title="Run this form over a grid of values: parameters, prompts or models"
        className={className ?? "rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium shadow-sm hover:bg-neutral-100"}
      >
        Sweep…
      </button>
      {open && <SweepBuilderDialog onClose={() => setOpen(false)} />}
    </>
  );
}
