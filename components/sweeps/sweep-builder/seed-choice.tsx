"use client";

import type { SeedMode } from "@/lib/sweep-ui/sweep-draft";

/**
 * The seed every cell shares (A1111 fixes one seed across the grid, so only the axes differ):
 * the form's, or a random one the server draws for every cell. An axis over the seed varies it.
 */
export function SeedChoice({ formSeed, mode, onMode, seedAxis }: { formSeed: number | null; mode: SeedMode; onMode: (m: SeedMode) => void; seedAxis: number }) {
  if (seedAxis >= 0) {
    return (
      <p className="text-sm" data-testid="sweep-seed">
        Seed: varies along the {"XYZ"[seedAxis]} axis.
      </p>
    );
  }
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="sweep-seed">
      <legend className="float-left mr-3 font-medium">Seed, shared by every cell:</legend>
      <label className="flex items-center gap-1.5">
        <input type="radio" name="sweep-seed" checked={mode === "form" && formSeed !== null} disabled={formSeed === null} onChange={() => onMode("form")} />
        {formSeed !== null ? `the form's (${formSeed})` : "the form's (none set)"}
      </label>
      <label className="flex items-center gap-1.5">
        <input type="radio" name="sweep-seed" checked={mode === "random" || formSeed === null} onChange={() => onMode("random")} />a random one, shared by every cell
      </label>
    </fieldset>
  );
}
