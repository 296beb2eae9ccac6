"use client";

import { useEffect, useRef, type MouseEvent } from "react";

/**
 * A native modal <dialog> opened on mount (focus trapped, Escape closes it), shared by every
 * large view. The component is rendered only while open; its `onClose` clears the selection.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    // No close() in a cleanup: the close event is queued, and under StrictMode's effect replay it
    // would arrive after the re-open and clear the selection. Unmounting removes the modal anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  /** A click on the backdrop (the dialog element itself, outside its content) closes it. */
  const onBackdropClick = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) e.currentTarget.close();
  };

  return { ref, onBackdropClick, close: () => ref.current?.close() };
}
