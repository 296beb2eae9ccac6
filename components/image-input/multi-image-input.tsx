"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { DropZone } from "@/components/image-input/drop-zone";
import { GalleryPicker } from "@/components/image-input/gallery-picker";
import { acceptsText, helpText, IMAGE_ACCEPT } from "@/components/image-input/help-text";
import { keyOf } from "@/components/image-input/item-key";
import { MultiImageItem } from "@/components/image-input/multi-image-item";
import { SourceBar } from "@/components/image-input/source-bar";
import { StatusLine } from "@/components/image-input/status-line";
import { useDropTarget } from "@/components/image-input/use-drop-target";
import { useImageLoader, type ImageSource } from "@/components/image-input/use-image-loader";
import { usePasteTarget } from "@/components/image-input/use-paste-target";
import { ErrorText } from "@/components/ui/error-text";
import { imageIssues, type ImageValue } from "@/lib/browser-images";

export interface MultiImageInputProps {
  /** DOM id of the field's focusable control: the add zone, or the list when it is full. */
  id: string;
  /** The request field; items are checked as `${field}[i]`, as the API names them. */
  field: string;
  label: string;
  help?: string;
  value: ImageValue[];
  onChange(v: ImageValue[]): void;
  min: number;
  max: number;
  error?: string;
}

const isDisabled = (el: HTMLElement | null) => !!el?.closest("fieldset:disabled");

/** Several input images (IMAGE_VARIATION's 1–5): add from every source, reorder, remove. */
export function MultiImageInput({ id, field, label, help, value, onChange, min, max, error }: MultiImageInputProps) {
  const container = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // Loads finish after renders; they append to the latest list, not the one they started with.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [notices, setNotices] = useState<Record<string, string[]>>({});
  const [announcement, setAnnouncement] = useState("");
  const [listNotice, setListNotice] = useState<string[]>([]);
  const fieldOf = useCallback((i: number) => `${field}[${i}]`, [field]);
  const loader = useImageLoader({ kind: "image", field: fieldOf, supersede: false });

  const full = value.length >= max;
  const allIssues = value.flatMap((v, i) => imageIssues(v, { field: fieldOf(i) }));
  const shownError = error && !allIssues.some((i) => i.message === error) ? error : undefined;
  const describedBy = [`${id}-status`, shownError && `${id}-error`, `${id}-help`].filter(Boolean).join(" ");

  const commit = (next: ImageValue[]) => {
    latest.current = next;
    onChange(next);
  };

  const add = async (sources: ImageSource[]) => {
    const room = max - latest.current.length;
    const left = sources.length - Math.max(0, room);
    const skipped = left > 0 ? [`Only ${max} images fit; ${left} ${left === 1 ? "was" : "were"} left out.`] : [];
    setListNotice(skipped);
    if (room <= 0) return;
    const results = await loader.load(sources.slice(0, room), latest.current.length);
    if (!results.length) return;
    const fits = results.slice(0, Math.max(0, max - latest.current.length));
    setNotices((n) => ({ ...n, ...Object.fromEntries(fits.filter((r) => r.notices.length).map((r) => [r.value.dataUrl, r.notices])) }));
    commit([...latest.current, ...fits.map((r) => r.value)]);
  };
  const addFiles = (files: File[]) => void add(files.map((f) => ({ type: "blob", blob: f, name: f.name || "pasted image" })));

  const drop = useDropTarget({ onFiles: addFiles, onUrl: (text) => void add([{ type: "url", text }]), disabled: () => isDisabled(container.current) });
  usePasteTarget(container, { onFiles: addFiles, disabled: () => isDisabled(container.current) });

  const focusLater = (selector: string) =>
    requestAnimationFrame(() => {
      const el = container.current?.querySelector<HTMLElement>(selector);
      (el && !(el as HTMLButtonElement).disabled ? el : document.getElementById(id))?.focus();
    });

  const move = (from: number, to: number, control: string) => {
    if (to < 0 || to >= latest.current.length) return;
    const next = [...latest.current];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    commit(next);
    setAnnouncement(`Image ${from + 1} moved to position ${to + 1} of ${next.length}.`);
    // The moved item keeps its key; keep focus on the control that moved it (or its twin at an end).
    const other = control === "up" ? "down" : "up";
    const sel = `[data-item-key="${keyOf(item)}"]`;
    requestAnimationFrame(() => {
      const root = container.current;
      const want = root?.querySelector<HTMLButtonElement>(`${sel} [data-control="${control}"]`);
      (want && !want.disabled ? want : root?.querySelector<HTMLButtonElement>(`${sel} [data-control="${other}"]`))?.focus();
    });
  };

  const remove = (index: number) => {
    const next = latest.current.filter((_, i) => i !== index);
    commit(next);
    setAnnouncement(`Image ${index + 1} removed; ${next.length} of ${max} left.`);
    setListNotice([]);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusLater(neighbour ? `[data-item-key="${keyOf(neighbour)}"] [data-control="remove"]` : `#${CSS.escape(id)}`);
  };

  // By identity, on the latest list: the list may have been reordered while the fix ran.
  const replace = (original: ImageValue, v: ImageValue, notice: string) => {
    if (!latest.current.includes(original)) return;
    setNotices((n) => ({ ...n, [v.dataUrl]: [notice] }));
    commit(latest.current.map((old) => (old === original ? v : old)));
  };

  const openPicker = () => fileInput.current?.click();

  return (
    <div
      ref={container}
      data-image-input={field}
      role="group"
      aria-labelledby={`${id}-label`}
      {...drop.handlers}
      className={`flex flex-col gap-2 rounded-lg ${drop.dragging ? "bg-blue-50 outline-2 outline-offset-4 outline-blue-600 outline-dashed" : ""}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span id={`${id}-label`} className="text-sm font-medium text-neutral-800">
          {label}
        </span>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${value.length < min ? "text-red-700" : "text-neutral-500"}`}>
          {value.length} / {max}
          <span className="sr-only"> images</span>
        </span>
      </div>

      {value.length > 0 && (
        <ul id={full ? id : undefined} tabIndex={full ? -1 : undefined} aria-labelledby={`${id}-label`} aria-describedby={full ? describedBy : undefined} className="flex flex-col gap-3">
          {value.map((v, i) => {
            const key = keyOf(v);
            return (
              <MultiImageItem
                key={key}
                itemKey={key}
                domId={`${id}-${key}`}
                field={fieldOf(i)}
                value={v}
                index={i}
                count={value.length}
                notices={notices[v.dataUrl] ?? []}
                onMove={move}
                onRemove={remove}
                onReplace={(next, notice) => replace(v, next, notice)}
              />
            );
          })}
        </ul>
      )}

      {full ? (
        <p className="text-sm text-neutral-600">{max} of {max} images: remove one to add another.</p>
      ) : (
        <>
          <DropZone
            id={id}
            labelId={`${id}-label`}
            describedBy={describedBy}
            invalid={Boolean(shownError)}
            dragging={drop.dragging}
            reading={loader.status.state === "reading"}
            accepts={acceptsText("image")}
            prompt={value.length ? "Add images: drop, paste, or click to choose" : "Drop images here, paste them, or click to choose"}
            compact={value.length > 0}
            onOpen={openPicker}
          />
          <SourceBar id={id} onChoose={openPicker} onGallery={() => setGalleryOpen(true)} onUrl={(text) => void add([{ type: "url", text }])} />
        </>
      )}

      <StatusLine id={`${id}-status`} status={loader.status} notices={listNotice} fixError={null} />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <ErrorText id={`${id}-error`} message={shownError} />
      <p id={`${id}-help`} className="text-xs text-neutral-500">
        {helpText(`${help ? `${help} ` : ""}${min === max ? `Exactly ${min}` : `${min} to ${max}`} images; reorder with the arrows or Alt+↑/↓.`)}
      </p>

      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length) addFiles(files);
        }}
      />
      {galleryOpen && <GalleryPicker title={`Add to ${label.toLowerCase()} from the gallery`} onPick={(item) => void add([{ type: "gallery", id: item.id }])} onClose={() => setGalleryOpen(false)} />}
    </div>
  );
}
