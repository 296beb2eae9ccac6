"use client";
/**
 * A window-scrolled grid that renders only the rows near the viewport (TanStack Virtual), so the
 * gallery stays smooth at tens of thousands of images: the DOM holds a few dozen cards, whatever
 * has been loaded. Columns follow the container's width; row heights are measured, since cards
 * differ with their prompt's length. Asks for more when the last rows come near.
 */
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

const GAP = 16;
const MIN_CARD = 200;

function columnsFor(width: number): number {
  return Math.min(5, Math.max(2, Math.floor((width + GAP) / (MIN_CARD + GAP))));
}

export function VirtualGrid<T>({
  items,
  renderItem,
  getKey,
  label,
  onNearEnd,
}: {
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  getKey: (item: T) => string;
  label: string;
  /** Called when the last rows are about to be shown (load the next page). */
  onNearEnd: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1024);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setOffset(el.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const cols = columnsFor(width);
  const rows = Math.ceil(items.length / cols);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => (width - GAP * (cols - 1)) / cols + 110,
    overscan: 4,
    scrollMargin: offset,
    gap: GAP,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastShown = virtualRows.at(-1)?.index ?? -1;

  const nearEnd = useRef(onNearEnd);
  useEffect(() => {
    nearEnd.current = onNearEnd;
  });
  useEffect(() => {
    if (rows > 0 && lastShown >= rows - 3) nearEnd.current();
  }, [lastShown, rows]);

  return (
    <div ref={box} role="list" aria-label={label} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {virtualRows.map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          role="none"
          className="absolute left-0 top-0 grid w-full"
          style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gap: GAP }}
        >
          {items.slice(row.index * cols, row.index * cols + cols).map((item) => (
            <div key={getKey(item)} role="none" className="flex">
              {renderItem(item)}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
