"use client";

const HEX = /^#[0-9a-f]{6}$/i;

/** "ff8800" or "#f80" as typed → "#FF8800" when it can be read as a colour, else unchanged. */
export function normaliseHex(text: string): string {
  const t = text.trim().replace(/^#?/, "#");
  if (/^#[0-9a-f]{3}$/i.test(t)) return `#${[...t.slice(1)].map((c) => c + c).join("")}`.toUpperCase();
  return HEX.test(t) ? t.toUpperCase() : text;
}

interface PaletteRowProps {
  index: number;
  color: string;
  onChange: (color: string) => void;
  onRemove: () => void;
  canRemove: boolean;
  /** Show a non-#RRGGBB value as invalid (after the field was left or a run attempted). */
  showInvalid: boolean;
  onBlur: () => void;
}

/** One palette colour: the browser's colour picker and its #RRGGBB text, kept in step. */
export function PaletteRow({ index, color, onChange, onRemove, canRemove, showInvalid, onBlur }: PaletteRowProps) {
  const valid = HEX.test(color);
  const n = index + 1;
  return (
    <li className="flex items-center gap-2">
      <input
        type="color"
        aria-label={`Colour ${n} picker`}
        value={valid ? color.toLowerCase() : "#000000"}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
        onBlur={onBlur}
        className="h-9 w-11 shrink-0 cursor-pointer rounded border border-neutral-300 bg-white p-0.5"
      />
      <input
        type="text"
        aria-label={`Colour ${n} hex`}
        value={color}
        maxLength={7}
        spellCheck={false}
        autoComplete="off"
        placeholder="#RRGGBB"
        aria-invalid={showInvalid && !valid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          onChange(normaliseHex(color));
          onBlur();
        }}
        className="w-28 rounded-md border border-neutral-300 px-2 py-1.5 font-mono text-sm uppercase aria-invalid:border-red-600"
      />
      <button
        type="button"
        onClick={onRemove}
        disabled={!canRemove}
        aria-label={`Remove colour ${n}`}
        title={canRemove ? "Remove this colour" : "The palette needs at least one colour"}
        className="rounded-md px-2 py-1 text-lg leading-none text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900 disabled:opacity-40"
      >
        ×
      </button>
    </li>
  );
}
