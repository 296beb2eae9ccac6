"use client";

import { useEffect } from "react";
import { ensureHydrated } from "@/lib/playground-form/form-hydration";
import { useFormStore } from "@/lib/playground-form/form-store";
import { modelLabel, useModels } from "@/lib/queries/use-models";

/**
 * Shown when no API key is set: results come from the built-in engine, not from the model chosen
 * in the playground (remembered per browser, so the gallery's banner names it too).
 */
export function OfflineBanner() {
  const modelId = useFormStore((s) => s.modelId);
  const { data: models } = useModels();
  useEffect(() => {
    void ensureHydrated();
  }, []);
  return (
    <div
      data-testid="offline-banner"
      role="status"
      className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-center text-sm text-amber-900"
    >
      Offline engine: images are synthesised locally, not by {modelLabel(modelId, models)}. Set EMPIRIOLABS_API_KEY to
      use the gateway.
    </div>
  );
}
