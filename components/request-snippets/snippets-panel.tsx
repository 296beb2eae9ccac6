"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { copyText, COPY_MESSAGES, type CopyOutcome } from "@/components/request-snippets/copy-text";
import { ImageModeChoice } from "@/components/request-snippets/image-mode-choice";
import { isLocalOrigin } from "@/components/request-snippets/local-origin";
import { SnippetTabs, tabId, tabPanelId } from "@/components/request-snippets/snippet-tabs";
import type { ApiJob } from "@/lib/api-types";
import { getModel } from "@/lib/models/registry";
import { definitionOf, useModels } from "@/lib/queries/use-models";
import {
  API_KEY_ENV,
  buildRequestBody,
  hasPlaceholders,
  SNIPPET_BUILDERS,
  type ImageMode,
  type SnippetLanguage,
} from "@/lib/request-snippets/request-snippets";

/**
 * The "Copy request" panel: language tabs, how to carry input images, the code, and Copy.
 * Loaded on demand (next/dynamic, client only), so it reads window.location directly.
 */
export function SnippetsPanel({ job }: { job: ApiJob }) {
  const idBase = useId();
  const origin = window.location.origin;
  const local = isLocalOrigin(origin);
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [images, setImages] = useState<ImageMode>(local ? "placeholder" : "urls");
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  const codeRef = useRef<HTMLElement>(null);

  const { data: models } = useModels();
  const offered = models?.find((m) => m.id === job.model);
  const model = offered ? definitionOf(offered) : (getModel(job.model) ?? null);
  const hasStoredImages = useMemo(() => hasPlaceholders(buildRequestBody(job, { origin, images: "placeholder", model })), [job, origin, model]);
  const code = useMemo(
    () => SNIPPET_BUILDERS[language](buildRequestBody(job, { origin, images, model })),
    [job, origin, images, language, model],
  );

  useEffect(() => {
    if (copied !== "copied") return;
    const t = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(t);
  }, [copied]);

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setCopied(null);
  };

  return (
    <div className="flex flex-col gap-2 rounded-md border border-neutral-200 bg-white p-3 text-left" data-testid="copy-request-panel">
      <SnippetTabs idBase={idBase} value={language} onChange={change(setLanguage)} />
      {hasStoredImages && <ImageModeChoice name={`${idBase}-images`} value={images} onChange={change(setImages)} local={local} />}
      <pre
        id={tabPanelId(idBase)}
        role="tabpanel"
        aria-labelledby={tabId(idBase, language)}
        tabIndex={0}
        className="max-h-72 overflow-auto rounded bg-neutral-900 p-3 text-xs leading-relaxed text-neutral-100"
      >
        <code ref={codeRef} data-testid="copy-request-code">
          {code}
        </code>
      </pre>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => void copyText(code, codeRef.current).then(setCopied)}
          className="rounded-md bg-neutral-900 px-3 py-1.5 font-medium text-white hover:bg-neutral-700"
        >
          Copy
        </button>
        <span aria-live="polite" role="status" className="text-neutral-700">
          {copied ? COPY_MESSAGES[copied] : ""}
        </span>
        <span className="ml-auto text-xs text-neutral-500">
          Needs <code>{API_KEY_ENV}</code> in your environment; the key is never shown here.
        </span>
      </div>
    </div>
  );
}
