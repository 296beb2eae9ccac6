"use client";
/**
 * The /prompts page: search the whole history (every word must appear), by kind; pin, delete;
 * export and import (import-panel.tsx). Shows up to 200 entries, pinned first, then the most
 * recently used; a search narrows a longer history.
 */
import Link from "next/link";
import { useState } from "react";
import { EntryFacts, FavoriteThumbs, PinButton } from "@/components/prompt-history/entry-parts";
import { ImportPanel } from "@/components/prompt-history/import-panel";
import { useDebounced } from "@/components/prompt-history/use-debounced";
import { Alert } from "@/components/ui/alert";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { ApiPromptEntry } from "@/lib/api-types";
import { useNow } from "@/lib/display/use-now";
import { formatDateTime } from "@/lib/display/format";
import { PROMPT_LIMITS } from "@/lib/prompts/prompt-schema";
import { describeError } from "@/lib/queries/api";
import { useDeletePrompt, usePinPrompt, usePromptList } from "@/lib/queries/use-prompt-history";

const KINDS = [
  { value: "", label: "All" },
  { value: "prompt", label: "Prompts" },
  { value: "negative", label: "Negative prompts" },
] as const;

export function PromptHistoryManager() {
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<"" | "prompt" | "negative">("");
  const q = useDebounced(search.trim(), 200);
  const list = usePromptList({ q, kind: kind || undefined, limit: PROMPT_LIMITS.listMax });
  const now = useNow(60_000, true);

  return (
    <div className="flex flex-col gap-4">
      <ImportPanel />
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex min-w-[16rem] flex-1 flex-col gap-1 text-sm font-medium text-neutral-800">
          Search
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Words from the prompt, in any order"
            className="rounded-md border border-neutral-300 px-3 py-2 text-sm font-normal shadow-sm"
          />
        </label>
        <SegmentedControl id="prompt-kind" label="Show" value={kind} options={KINDS} onChange={(v) => setKind(v as typeof kind)} />
      </div>
      <HistoryList list={list} q={q} now={now} />
    </div>
  );
}

function HistoryList({ list, q, now }: { list: ReturnType<typeof usePromptList>; q: string; now: number }) {
  if (list.isPending) return <p className="text-sm text-neutral-500">Loading the history…</p>;
  if (list.error) return <Alert tone="error">Could not load the history: {describeError(list.error)}</Alert>;
  const { items, total } = list.data;
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center text-neutral-600" data-testid="prompts-empty">
        {q ? (
          <p>No prompt has all of these words: “{q}”.</p>
        ) : (
          <>
            <p>No prompts yet.</p>
            <p className="mt-1 text-sm">
              Every prompt and negative prompt you run in the{" "}
              <Link href="/" className="font-medium text-blue-700 underline">
                playground
              </Link>{" "}
              is kept here, or import a file exported from another playground.
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <>
      <p role="status" className="text-sm text-neutral-600" data-testid="prompts-count">
        {total > items.length ? `Showing ${items.length} of ${total}: search to narrow.` : `${total} ${total === 1 ? "entry" : "entries"}`}
      </p>
      <ul className="flex flex-col gap-3" aria-label="Prompt history">
        {items.map((entry) => (
          <HistoryRow key={entry.id} entry={entry} now={now} />
        ))}
      </ul>
    </>
  );
}

function HistoryRow({ entry, now }: { entry: ApiPromptEntry; now: number }) {
  const pin = usePinPrompt();
  const remove = useDeletePrompt();
  const failure = pin.error ?? remove.error;
  const kindLabel = entry.kind === "negative" ? "Negative prompt" : "Prompt";
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm" data-testid="prompt-row" aria-label={entry.text.slice(0, 120)}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 whitespace-pre-wrap break-words text-sm text-neutral-900">{entry.text}</p>
        <div className="flex shrink-0 gap-2">
          <PinButton entry={entry} pending={pin.isPending} onToggle={(pinned) => pin.mutate({ id: entry.id, pinned })} />
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => window.confirm("Delete this prompt from the history? The runs and images made with it stay.") && remove.mutate(entry.id)}
            className="rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:text-neutral-400"
          >
            Delete
          </button>
        </div>
      </div>
      <p className="flex flex-wrap gap-x-2 text-xs text-neutral-600">
        <span className="rounded bg-neutral-100 px-1.5 font-medium text-neutral-700">{kindLabel}</span>
        <EntryFacts entry={entry} now={now} />
        <span>· first used {formatDateTime(entry.firstUsedAt)}</span>
      </p>
      <FavoriteThumbs entry={entry} size={56} />
      {failure && <p className="text-xs text-red-700">{describeError(failure)}</p>}
    </li>
  );
}
