"use client";

import { useEffect, useRef, type RefObject } from "react";

const EDITABLE = "input, textarea, select, [contenteditable=''], [contenteditable='true']";

/** Browsers call a pasted bitmap (a screenshot, "Copy image") "image.png": show it as "pasted image". */
const named = (f: File) => (f.name && f.name !== "image.png" ? f : new File([f], "pasted image", { type: f.type }));

function imageFiles(e: ClipboardEvent): File[] {
  const items = Array.from(e.clipboardData?.items ?? []);
  return items.filter((i) => i.kind === "file" && i.type.startsWith("image/")).flatMap((i) => i.getAsFile() ?? []).map(named);
}

/**
 * Ctrl/Cmd+V of an image into a field. The rule, kept predictable: the field takes the paste
 * when focus is inside it, or when the pointer is over it and focus is not in a text box or in
 * another image field. Text pastes (no image on the clipboard) are never touched. Listening on
 * the document (while the field is mounted) catches pastes whose target is the page body, which
 * is where they go when a non-editable element such as the drop zone has focus.
 */
export function usePasteTarget(container: RefObject<HTMLElement | null>, o: { onFiles: (files: File[]) => void; disabled: () => boolean }) {
  const hovered = useRef(false);
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const enter = () => (hovered.current = true);
    const leave = () => (hovered.current = false);
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || latest.current.disabled()) return;
      const active = document.activeElement;
      const focusedHere = !!active && el.contains(active);
      if (!focusedHere) {
        if (!hovered.current) return;
        if (active?.closest(EDITABLE) || active?.closest("[data-image-input]")) return;
      }
      const files = imageFiles(e);
      if (!files.length) return;
      e.preventDefault();
      latest.current.onFiles(files);
    };
    el.addEventListener("pointerenter", enter);
    el.addEventListener("pointerleave", leave);
    document.addEventListener("paste", onPaste);
    return () => {
      el.removeEventListener("pointerenter", enter);
      el.removeEventListener("pointerleave", leave);
      document.removeEventListener("paste", onPaste);
    };
  }, [container]);
}
