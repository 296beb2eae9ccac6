"use client";
/**
 * Export (a download of GET /api/prompts/export) and import: a .json file from the picker or
 * dropped on the panel, sent as it is to POST /api/prompts/import, which checks every entry and
 * names what is wrong ("entries[3].text must be at most 10000 characters"). An import merges:
 * nothing stored is lowered or removed (lib/prompts/README.md).
 */
import { useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import type { ApiPromptImportResult } from "@/lib/api-types";
import { PROMPT_LIMITS } from "@/lib/prompts/prompt-schema";
import { describeError, isApiRequestError } from "@/lib/queries/api";
import { useImportPrompts } from "@/lib/queries/use-prompt-history";

const MB = 1024 * 1024;
const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:text-neutral-400";

type Outcome = { kind: "done"; result: ApiPromptImportResult; file: string } | { kind: "failed"; file: string; messages: string[] };

/** The file's JSON, or why it cannot be sent (too big, not JSON). */
async function readImportFile(file: File): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  if (file.size > PROMPT_LIMITS.importBytesMax) {
    return { ok: false, message: `The file is ${(file.size / MB).toFixed(1)} MB; an import takes at most ${PROMPT_LIMITS.importBytesMax / MB} MB.` };
  }
  try {
    return { ok: true, body: JSON.parse(await file.text()) as unknown };
  } catch {
    return { ok: false, message: "The file is not JSON: choose a file made by Export." };
  }
}

export function ImportPanel() {
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importer = useImportPrompts();

  const importFile = async (file: File) => {
    setOutcome(null);
    const read = await readImportFile(file);
    if (!read.ok) return setOutcome({ kind: "failed", file: file.name, messages: [read.message] });
    importer.mutate(read.body, {
      onSuccess: (result) => setOutcome({ kind: "done", result, file: file.name }),
      onError: (e) => setOutcome({ kind: "failed", file: file.name, messages: isApiRequestError(e) && e.fields.length ? e.fields.map((f) => f.message) : [describeError(e)] }),
    });
  };

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes("Files");
  return (
    <section
      aria-labelledby="prompt-transfer-title"
      data-testid="prompt-import"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void importFile(file);
      }}
      className={`flex flex-col gap-2 rounded-lg border border-dashed p-4 ${dragging ? "border-blue-500 bg-blue-50" : "border-neutral-300 bg-white"}`}
    >
      <h2 id="prompt-transfer-title" className="text-sm font-semibold">
        Export and import
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <a href="/api/prompts/export" download className={button}>
          Export JSON
        </a>
        <button type="button" className={button} disabled={importer.isPending} onClick={() => picker.current?.click()}>
          {importer.isPending ? "Importing…" : "Import JSON…"}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          tabIndex={-1}
          aria-label="Prompt history file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void importFile(file);
          }}
        />
        <span className="text-xs text-neutral-500">or drop a .json file here. An import adds and merges; it never removes or lowers what is here.</span>
      </div>
      {outcome?.kind === "done" && (
        <Alert tone="info" testId="import-result">
          Imported {outcome.file}: {outcome.result.added} new, {outcome.result.merged} merged with ones already here; {outcome.result.total} in the history now.
        </Alert>
      )}
      {outcome?.kind === "failed" && (
        <Alert tone="error" testId="import-error">
          <p>Nothing was imported from {outcome.file}:</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.messages.slice(0, 10).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {outcome.messages.length > 10 && <p className="mt-1">…and {outcome.messages.length - 10} more.</p>}
        </Alert>
      )}
    </section>
  );
}
