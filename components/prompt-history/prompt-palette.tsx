"use client";
/**
 * The prompt palette: the history searched from a prompt field (Ctrl/⌘+K there, or its History
 * button). A combobox over a listbox, the highlight carried by aria-activedescendant so focus
 * stays in the search box: typing filters (every word must appear), ↑/↓ move, Enter inserts the
 * highlighted text (it replaces the field's text: a history entry is a whole prompt), Escape
 * closes. The highlighted entry's facts, favourite results and pin toggle show beside the list.
 * Loaded only when first opened (text-area-field.tsx), so none of it is in the playground's first load.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { EntryFacts, FavoriteThumbs, PinButton } from "@/components/prompt-history/entry-parts";
import { moveHighlight, paletteKeyAction } from "@/components/prompt-history/palette-keys";
import { isPaletteShortcut } from "@/components/prompt-history/palette-shortcut";
import { useDebounced } from "@/components/prompt-history/use-debounced";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { ApiPromptEntry } from "@/lib/api-types";
import { useNow } from "@/lib/display/use-now";
import { describeError } from "@/lib/queries/api";
import { usePinPrompt, usePromptList } from "@/lib/queries/use-prompt-history";

export interface PromptPaletteProps {
  kind: "prompt" | "negative";
  /** The field's label ("Prompt", "Negative prompt"). */
  fieldLabel: string;
  onInsert: (text: string) => void;
  onClose: () => void;
}

const LIST_SIZE = 20;
const SEARCH_DELAY_MS = 150;

export function PromptPalette({ kind, fieldLabel, onInsert, onClose }: PromptPaletteProps) {
  const { ref, onBackdropClick, close } = useModalDialog();
  const input = useRef<HTMLInputElement>(null);
  // After useModalDialog's showModal (effects run in order), which would focus the Close button.
  useEffect(() => input.current?.focus(), []);
  const ids = useId();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const list = usePromptList({ q, kind, limit: LIST_SIZE });
  const pin = usePinPrompt();
  const items = list.data?.items ?? [];
  // The highlight follows its entry (pinning one moves it to the top, a narrower search keeps
  // it); when its entry is not listed, the first row is highlighted.
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const index = Math.max(0, items.findIndex((e) => e.id === highlightId));
  const active: ApiPromptEntry | undefined = items[index];
  const highlightAt = (i: number) => items[i] && setHighlightId(items[i].id);
  const optionId = (i: number) => `${ids}-option-${i}`;
  const activeId = active ? optionId(index) : undefined;
  // "last used today" turns into "yesterday" at midnight while the palette is open.
  const now = useNow(60_000, true);

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  // Once inserted, the palette is closing: nothing more goes into the field.
  const inserted = useRef(false);
  const insert = (entry: ApiPromptEntry | undefined) => {
    if (!entry || inserted.current) return;
    inserted.current = true;
    onInsert(entry.text);
    close();
  };

  // Enter pressed before the list shows what was typed (the search waits for a pause): the
  // highlighted match of the typed words goes in once it arrives, never a row of the last search.
  const stale = search.trim() !== q || list.isPlaceholderData;
  const [insertWhenReady, setInsertWhenReady] = useState(false);
  useEffect(() => {
    if (insertWhenReady && !stale) insert(active);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The shortcut again closes it, as it opened it. Escape is handled here rather than left to the
    // dialog's cancel, which a browser may hold back (close watchers) or a search box may take.
    if (isPaletteShortcut(e) || e.key === "Escape") {
      e.preventDefault();
      close();
      return;
    }
    const action = paletteKeyAction(e);
    if (!action) return;
    e.preventDefault();
    if (action === "insert") {
      if (stale) setInsertWhenReady(true);
      else insert(active);
    }
    else highlightAt(moveHighlight(index, action, items.length));
  };

  const title = kind === "negative" ? "Negative prompt history" : "Prompt history";
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onClick={onBackdropClick}
      // The form's own keys (Ctrl/⌘+Enter runs) stay out of the palette.
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="prompt-palette"
      className="m-auto mt-[8vh] w-[min(56rem,95vw)] max-w-[95vw] rounded-lg bg-white p-0 shadow-xl backdrop:bg-black/30"
    >
      <div className="flex max-h-[80vh] flex-col gap-3 p-4">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id={`${ids}-title`} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={close} className="rounded-md px-2 py-1 text-sm text-neutral-600 hover:bg-neutral-100">
            Close
          </button>
        </div>
        <input
          type="text"
          role="combobox"
          aria-label={`Search the ${title.toLowerCase()}`}
          aria-expanded={items.length > 0}
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          aria-describedby={`${ids}-hint`}
          ref={input}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setInsertWhenReady(false);
          }}
          onKeyDown={onKeyDown}
          placeholder="Type words from the prompt, in any order"
          className="w-full rounded-md border border-neutral-300 px-3 py-2 text-sm shadow-sm"
        />
        <p id={`${ids}-hint`} className="text-xs text-neutral-500">
          ↑ ↓ to move · Enter replaces the {fieldLabel.toLowerCase()} with the highlighted one · Esc to close
        </p>
        <PaletteStatus list={list} q={q} count={items.length} />
        <div className="grid min-h-0 gap-3 overflow-hidden md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <ul id={`${ids}-list`} role="listbox" aria-label={title} aria-busy={stale} className="min-h-0 overflow-y-auto rounded-md border border-neutral-200 max-md:max-h-[40vh]">
            {items.map((entry, i) => (
              <li
                key={entry.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === index}
                onMouseMove={() => i !== index && highlightAt(i)}
                onClick={() => insert(entry)}
                className={`flex cursor-pointer flex-col gap-0.5 border-b border-neutral-100 px-3 py-2 last:border-b-0 ${i === index ? "bg-blue-50" : ""}`}
              >
                <span className="line-clamp-2 text-sm text-neutral-900">
                  {entry.pinnedAt && (
                    <span className="mr-1 text-amber-600" aria-label="Pinned:">
                      ★
                    </span>
                  )}
                  {entry.text}
                </span>
                <EntryFacts entry={entry} now={now} />
              </li>
            ))}
          </ul>
          {active && (
            <section aria-label="Highlighted prompt" className="flex min-h-0 flex-col gap-2 overflow-y-auto rounded-md bg-neutral-50 p-3" data-testid="palette-details">
              <p className="whitespace-pre-wrap break-words text-sm text-neutral-900">{active.text}</p>
              <EntryFacts entry={active} now={now} />
              <FavoriteThumbs entry={active} />
              <div className="flex flex-wrap gap-2">
                <PinButton entry={active} pending={pin.isPending} onToggle={(pinned) => pin.mutate({ id: active.id, pinned })} />
                <button type="button" onClick={() => insert(active)} className="rounded-md bg-neutral-900 px-2.5 py-1 text-sm font-medium text-white hover:bg-neutral-700">
                  Insert
                </button>
              </div>
              {pin.error && <p className="text-xs text-red-700">{describeError(pin.error)}</p>}
            </section>
          )}
        </div>
      </div>
    </dialog>
  );
}

function PaletteStatus({ list, q, count }: { list: ReturnType<typeof usePromptList>; q: string; count: number }) {
  if (list.error) return <p role="alert" className="text-sm text-red-700">Could not search the history: {describeError(list.error)}</p>;
  if (list.isPending) return <p className="text-sm text-neutral-500">Loading the history…</p>;
  const total = list.data?.total ?? 0;
  // Announced politely: how many match, so a screen reader hears what typing did.
  return (
    <p role="status" className="text-xs text-neutral-600" data-testid="palette-count">
      {count === 0
        ? q
          ? `No prompt has all of these words: ${q}`
          : "No prompts yet: every prompt you run is kept here."
        : total > count
          ? `${count} of ${total} shown${q ? "" : ": type to narrow"}`
          : `${total} ${total === 1 ? "prompt" : "prompts"}`}
    </p>
  );
}
