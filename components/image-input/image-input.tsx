"use client";

import { useCallback, useRef, useState, type FocusEvent } from "react";
import { DropZone } from "@/components/image-input/drop-zone";
import { fixNotice } from "@/components/image-input/fix-notice";
import { GalleryPicker } from "@/components/image-input/gallery-picker";
import { acceptsText, helpText, IMAGE_ACCEPT } from "@/components/image-input/help-text";
import { ImagePreview } from "@/components/image-input/image-preview";
import { ProblemList } from "@/components/image-input/problem-list";
import { SourceBar } from "@/components/image-input/source-bar";
import { StatusLine } from "@/components/image-input/status-line";
import { smallButton } from "@/components/image-input/styles";
import { useDropTarget } from "@/components/image-input/use-drop-target";
import { useImageFix } from "@/components/image-input/use-image-fix";
import { useImageLoader, type ImageSource } from "@/components/image-input/use-image-loader";
import { usePasteTarget } from "@/components/image-input/use-paste-target";
import { ErrorText } from "@/components/ui/error-text";
import { imageIssues, type ClientFix, type ImageKind, type ImageValue, type Size } from "@/lib/browser-images";

export interface ImageInputProps {
  /** DOM id of the field's focusable control (the drop zone, or "Replace" once set). */
  id: string;
  /** The request field, used in the rule messages: "image", "reference_image", "mask_image". */
  field: string;
  label: string;
  help?: string;
  value: ImageValue | null;
  onChange(v: ImageValue | null): void;
  required?: boolean;
  kind?: ImageKind;
  /** For masks: the image it must match. */
  matchSize?: Size | null;
  /** From the form (required, a 422…). Rule problems are shown by the field itself. */
  error?: string;
  onBlur?(): void;
}

/** True inside a disabled <fieldset> (the form is disabled until its draft has loaded). */
const isDisabled = (el: HTMLElement | null) => !!el?.closest("fieldset:disabled");

/**
 * One input image: drop, paste, pick, gallery or URL in; preview, facts, the rules' problems
 * with one-click fixes out. Oversized photos are downscaled on the way in (with a notice);
 * nothing else is changed unless a fix button is pressed.
 */
export function ImageInput({ id, field, label, help, value, onChange, required, kind = "image", matchSize = null, error, onBlur }: ImageInputProps) {
  const container = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [galleryOpen, setGalleryOpen] = useState(false);
  // Notices belong to the value they describe; a value set from outside shows none.
  const [notices, setNotices] = useState<{ dataUrl: string; list: string[] } | null>(null);
  const fieldOf = useCallback(() => field, [field]);
  const loader = useImageLoader({ kind, field: fieldOf, supersede: true });
  const fixer = useImageFix();

  const issues = value ? imageIssues(value, { field, kind, matchSize }) : [];
  const shownError = error && !issues.some((i) => i.message === error) ? error : undefined;
  const invalid = Boolean(error) || issues.length > 0;
  const describedBy = [`${id}-status`, `${id}-problems`, shownError && `${id}-error`, `${id}-help`].filter(Boolean).join(" ");

  const take = async (sources: ImageSource[], extra: string[] = []) => {
    setNotices(null); // an earlier notice next to this load's error would read as its result
    const [result] = await loader.load(sources.slice(0, 1));
    if (!result) return;
    setNotices({ dataUrl: result.value.dataUrl, list: [...result.notices, ...extra] });
    onChange(result.value);
  };
  const takeFiles = (files: File[]) => {
    const extra = files.length > 1 ? [`Only the first of the ${files.length} images was used.`] : [];
    void take([{ type: "blob", blob: files[0], name: files[0].name || "pasted image" }], extra);
  };
  const focusControl = () => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const drop = useDropTarget({ onFiles: takeFiles, onUrl: (text) => void take([{ type: "url", text }]), disabled: () => isDisabled(container.current) });
  usePasteTarget(container, {
    onFiles: takeFiles,
    disabled: () => isDisabled(container.current),
  });

  const fix = async (f: ClientFix, colour: string) => {
    if (!value) return;
    const next = await fixer.apply(value, f, { kind, colour, matchSize });
    if (!next) return;
    setNotices({ dataUrl: next.dataUrl, list: [fixNotice(f, next, colour)] });
    onChange(next);
    focusControl(); // the pressed button goes away with its problem
  };

  const remove = () => {
    setNotices(null);
    loader.clear();
    onChange(null);
    focusControl();
  };

  const openPicker = () => fileInput.current?.click();
  const reading = loader.status.state === "reading";

  return (
    <div
      ref={container}
      data-image-input={field}
      {...drop.handlers}
      onBlur={(e: FocusEvent<HTMLDivElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onBlur?.();
      }}
      className={`flex flex-col gap-2 rounded-lg ${drop.dragging && value ? "bg-blue-50 outline-2 outline-offset-4 outline-blue-600 outline-dashed" : ""}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium text-neutral-800">
          {label}
        </label>
        {required && <span className="text-xs text-neutral-500">Required</span>}
      </div>

      {value ? (
        <ImagePreview
          value={value}
          alt={label}
          actions={
            <>
              <button id={id} type="button" onClick={openPicker} aria-label={`Replace ${label}`} aria-describedby={describedBy} className={smallButton}>
                Replace…
              </button>
              <button type="button" onClick={remove} aria-label={`Remove ${label}`} className={smallButton}>
                Remove
              </button>
            </>
          }
        />
      ) : (
        <DropZone id={id} labelId={`${id}-label`} describedBy={describedBy} invalid={invalid} dragging={drop.dragging} reading={reading} accepts={acceptsText(kind)} onOpen={openPicker} />
      )}

      <SourceBar id={id} onChoose={openPicker} onGallery={() => setGalleryOpen(true)} onUrl={(text) => void take([{ type: "url", text }])} />
      <StatusLine id={`${id}-status`} status={loader.status} notices={notices && value && notices.dataUrl === value.dataUrl ? notices.list : []} fixError={fixer.error} />
      <ProblemList id={`${id}-problems`} issues={issues} busy={fixer.busy} onFix={(f, c) => void fix(f, c)} />
      <ErrorText id={`${id}-error`} message={shownError} />
      <p id={`${id}-help`} className="text-xs text-neutral-500">
        {helpText(help)}
      </p>

      <input
        ref={fileInput}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ""; // so picking the same file again still fires change
          if (files.length) takeFiles(files);
        }}
      />
      {galleryOpen && (
        <GalleryPicker title={`Choose ${label.toLowerCase()} from the gallery`} onPick={(item) => void take([{ type: "gallery", id: item.id }])} onClose={() => setGalleryOpen(false)} />
      )}
    </div>
  );
}
