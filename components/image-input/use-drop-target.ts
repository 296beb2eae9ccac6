"use client";

import { useRef, useState, type DragEvent } from "react";

/** Image files first; a dragged image from another page often arrives only as a URL. */
function filesOf(dt: DataTransfer): File[] {
  return Array.from(dt.files).filter((f) => f.type === "" || f.type.startsWith("image/"));
}

/**
 * Drag-and-drop onto a field: `dragging` while files hover over it (a counter, because
 * dragenter/dragleave also fire for every child element crossed). Accepts files, or a URL when
 * that is all the drag carries.
 */
export function useDropTarget(o: { onFiles: (files: File[]) => void; onUrl: (url: string) => void; disabled: () => boolean }) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const carries = (e: DragEvent) => {
    const types = Array.from(e.dataTransfer.types);
    return types.includes("Files") || types.includes("text/uri-list");
  };

  return {
    dragging,
    handlers: {
      onDragEnter(e: DragEvent) {
        if (!carries(e) || o.disabled()) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver(e: DragEvent) {
        if (!carries(e) || o.disabled()) return;
        e.preventDefault(); // allows the drop
        e.dataTransfer.dropEffect = "copy";
      },
      onDragLeave() {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop(e: DragEvent) {
        depth.current = 0;
        setDragging(false);
        if (!carries(e) || o.disabled()) return;
        e.preventDefault(); // otherwise the browser navigates to the dropped file
        const files = filesOf(e.dataTransfer);
        if (files.length) return o.onFiles(files);
        const url = e.dataTransfer.getData("text/uri-list").split(/\r?\n/).find((l) => l && !l.startsWith("#"));
        if (url) o.onUrl(url);
      },
    },
  };
}
