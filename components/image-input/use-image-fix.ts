"use client";

import { useState } from "react";
import { applyFix, type ClientFix, type FixOptions, type ImageValue } from "@/lib/browser-images";

/** Runs one fix at a time; `busy` names the fix in progress so its button can say so. */
export function useImageFix() {
  const [busy, setBusy] = useState<ClientFix | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function apply(value: ImageValue, fix: ClientFix, opts: FixOptions): Promise<ImageValue | null> {
    setBusy(fix);
    setError(null);
    try {
      return await applyFix(value, fix, opts);
    } catch (e) {
      setError(`The fix did not work: ${e instanceof Error ? e.message : "unknown error"}`);
      return null;
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, apply };
}
