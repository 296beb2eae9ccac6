"use client";
/**
 * Compare 2–4 images: side by side, or (two) with a slider over each other. Zoom (wheel, + −, 0)
 * and pan (drag) are one shared view, so every panel shows the same region. Below, every
 * parameter, with the rows that differ highlighted.
 */
import { useQueries } from "@tanstack/react-query";
import { useState, type PointerEvent as ReactPointerEvent, type WheelEvent } from "react";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { GalleryItem } from "@/lib/api-types";
import { jobQueryOptions } from "@/lib/queries/use-job";
import { taskLabel } from "@/lib/display/task-label";
import { compareRows } from "@/lib/gallery/compare-params";

interface View {
  scale: number;
  x: number;
  y: number;
}
const IDENTITY: View = { scale: 1, x: 0, y: 0 };
const clamp = (s: number) => Math.min(16, Math.max(1, s));

/** Zoom about a point of the panel (CSS px), keeping that point still. */
function zoomAt(v: View, px: number, py: number, scale: number): View {
  const s = clamp(scale);
  return { scale: s, x: px - ((px - v.x) * s) / v.scale, y: py - ((py - v.y) * s) / v.scale };
}

export function CompareDialog({ items, onClose }: { items: GalleryItem[]; onClose: () => void }) {
  const { ref, onBackdropClick, close } = useModalDialog();
  const [mode, setMode] = useState<"side" | "slider">("side");
  const [view, setView] = useState<View>(IDENTITY);
  const [split, setSplit] = useState(50);
  const [drag, setDrag] = useState<{ id: number; x: number; y: number } | null>(null);
  const jobs = useQueries({ queries: items.map((i) => ({ ...jobQueryOptions(i.jobId), staleTime: Infinity })) });
  const ready = jobs.every((j) => j.data);
  const rows = ready
    ? compareRows(items.map((item, i) => ({ seed: item.seed, width: item.width, height: item.height, costUsd: item.costUsd, params: jobs[i].data!.params })))
    : [];
  const slider = mode === "slider" && items.length >= 2;

  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setView((v) => zoomAt(v, e.clientX - box.left, e.clientY - box.top, v.scale * Math.exp(-e.deltaY * 0.002)));
  };
  const pointer = {
    onPointerDown: (e: ReactPointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ id: e.pointerId, x: e.clientX, y: e.clientY });
    },
    onPointerMove: (e: ReactPointerEvent<HTMLDivElement>) => {
      if (!drag || drag.id !== e.pointerId) return;
      setView((v) => ({ ...v, x: v.x + e.clientX - drag.x, y: v.y + e.clientY - drag.y }));
      setDrag({ ...drag, x: e.clientX, y: e.clientY });
    },
    onPointerUp: () => setDrag(null),
    onPointerCancel: () => setDrag(null),
    onDoubleClick: () => setView(IDENTITY),
  };
  const layer = (item: GalleryItem) => (
    // eslint-disable-next-line @next/next/no-img-element -- our own stored image
    <img
      src={item.url}
      alt={item.prompt ?? taskLabel(item.taskType)}
      draggable={false}
      className="absolute inset-0 h-full w-full object-contain"
      style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`, transformOrigin: "0 0" }}
    />
  );
  const panel = "relative aspect-square touch-none select-none overflow-hidden rounded-md border border-neutral-200 bg-neutral-100 cursor-grab";

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={onBackdropClick}
      aria-label={`Compare ${items.length} images`}
      data-testid="compare-dialog"
      onKeyDown={(e) => {
        if (e.key === "+" || e.key === "=") setView((v) => zoomAt(v, 0, 0, v.scale * 1.25));
        else if (e.key === "-") setView((v) => zoomAt(v, 0, 0, v.scale / 1.25));
        else if (e.key === "0") setView(IDENTITY);
      }}
      className="m-auto max-h-[95vh] w-[min(96vw,96rem)] max-w-[96vw] overflow-y-auto rounded-lg bg-white p-0 shadow-xl"
    >
      <div className="flex flex-col gap-4 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">Compare {items.length} images</h2>
          <SegmentedControl
            id="compare-mode"
            label="View"
            value={mode}
            onChange={(v) => setMode(v === "slider" ? "slider" : "side")}
            options={[
              { value: "side", label: "Side by side" },
              { value: "slider", label: "Slider", description: "the first two, one over the other" },
            ]}
          />
          <span className="text-sm text-neutral-600" aria-live="polite">
            Zoom {Math.round(view.scale * 100)} % · wheel or + − to zoom, drag to pan, 0 or double-click to reset
          </span>
          <span className="flex-1" />
          <button type="button" onClick={close} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white">
            Close
          </button>
        </div>

        {slider ? (
          <div className="mx-auto w-full max-w-3xl">
            <div className={panel} onWheel={onWheel} {...pointer} data-testid="compare-slider">
              {layer(items[0])}
              <div className="absolute inset-0" style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
                {layer(items[1])}
              </div>
              <div aria-hidden className="absolute inset-y-0 w-0.5 bg-white shadow" style={{ left: `${split}%` }} />
            </div>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <span className="w-28">Slider position</span>
              <input type="range" min={0} max={100} value={split} onChange={(e) => setSplit(Number(e.target.value))} className="flex-1" />
            </label>
          </div>
        ) : (
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
            {items.map((item) => (
              <figure key={item.id} className="flex flex-col gap-1">
                <div className={panel} onWheel={onWheel} {...pointer} data-testid="compare-panel">
                  {layer(item)}
                </div>
                <figcaption className="line-clamp-2 text-xs text-neutral-600">{item.prompt ?? taskLabel(item.taskType)}</figcaption>
              </figure>
            ))}
          </div>
        )}

        <table className="w-full text-left text-sm" data-testid="compare-params">
          <caption className="mb-1 text-left text-sm font-medium">Parameters {ready ? "(rows that differ are highlighted)" : "(loading…)"}</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-differs={r.differs || undefined} className={r.differs ? "bg-amber-50 font-medium" : "text-neutral-600"}>
                <th scope="row" className="py-1 pr-4 align-top font-medium">
                  {r.name}
                </th>
                {r.values.map((v, i) => (
                  <td key={i} className="break-words py-1 pr-4 align-top">
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
