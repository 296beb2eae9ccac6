import { useRef, type KeyboardEvent } from "react";
import type { SnippetLanguage } from "@/lib/request-snippets/request-snippets";

export const LANGUAGES: readonly { id: SnippetLanguage; label: string }[] = [
  { id: "curl", label: "cURL" },
  { id: "python", label: "Python" },
  { id: "typescript", label: "TypeScript" },
];

export const tabId = (base: string, id: SnippetLanguage) => `${base}-tab-${id}`;
export const tabPanelId = (base: string) => `${base}-panel`;

/** WAI-ARIA tabs: one tab stop, arrow keys / Home / End move and select. */
export function SnippetTabs({ idBase, value, onChange }: { idBase: string; value: SnippetLanguage; onChange: (v: SnippetLanguage) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const current = LANGUAGES.findIndex((l) => l.id === value);
    const last = LANGUAGES.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = (next + LANGUAGES.length) % LANGUAGES.length;
    onChange(LANGUAGES[index].id);
    refs.current[index]?.focus();
  }

  return (
    <div role="tablist" aria-label="Language" onKeyDown={onKeyDown} className="flex gap-1 border-b border-neutral-200">
      {LANGUAGES.map((lang, i) => {
        const selected = lang.id === value;
        return (
          <button
            key={lang.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={tabId(idBase, lang.id)}
            aria-selected={selected}
            aria-controls={tabPanelId(idBase)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(lang.id)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
              selected ? "border-neutral-900 text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900"
            }`}
          >
            {lang.label}
          </button>
        );
      })}
    </div>
  );
}
