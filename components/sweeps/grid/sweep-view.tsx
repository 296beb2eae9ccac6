"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { CompareDialog } from "@/components/gallery/compare-dialog";
import { SweepShareActions } from "@/components/share/sweep-share-actions";
import { JobDetailDialog } from "@/components/gallery/job-detail-dialog";
import { SweepCell } from "@/components/sweeps/grid/sweep-cell";
import { SweepGrid } from "@/components/sweeps/grid/sweep-grid";
import { SweepToolbar } from "@/components/sweeps/grid/sweep-toolbar";
import { ZLayers } from "@/components/sweeps/grid/z-layers";
import { Alert } from "@/components/ui/alert";
import type { ApiSweep, GalleryItem } from "@/lib/api-types";
import { formatDateTime } from "@/lib/display/format";
import { useNow } from "@/lib/display/use-now";
import { describeError, isApiRequestError } from "@/lib/queries/api";
import { useSweep } from "@/lib/queries/use-sweep";
import { useCancelSweep, useRerunCell, useRerunSweep } from "@/lib/queries/use-sweep-actions";
import { useSweepJobs } from "@/lib/queries/use-sweep-jobs";
import { galleryItemOf } from "@/lib/sweep-ui/cell-items";
import { gridAxes, layerRows } from "@/lib/sweep-ui/grid-layout";

/**
 * A sweep's page: its grid filling live, with axis labels on both sides, Swap axes, the third
 * axis as tabs or stacked, a click on a cell for the large view with its parameters, and
 * "Compare" for the ticked cells. The toolbar ends with the contact sheet and Share…, then
 * whatever `extraActions` renders for the sweep.
 */
export function SweepView({ id, extraActions }: { id: string; extraActions?: (sweep: ApiSweep) => ReactNode }) {
  const { data: sweep, error, isPending } = useSweep(id);
  if (isPending) return <p className="text-sm text-neutral-500">Loading the sweep…</p>;
  if (!sweep) {
    if (isApiRequestError(error) && error.status === 404) {
      return (
        <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center" data-testid="sweep-not-found">
          <p className="text-neutral-700">There is no sweep with this id: it may have been deleted.</p>
          <Link href="/sweeps" className="mt-2 inline-block font-medium text-blue-700 underline">
            See your sweeps
          </Link>
        </div>
      );
    }
    return <Alert tone="error">Could not load the sweep: {describeError(error)}</Alert>;
  }
  return <LoadedSweep sweep={sweep} extraActions={extraActions} />;
}

function LoadedSweep({ sweep, extraActions }: { sweep: ApiSweep; extraActions?: (sweep: ApiSweep) => ReactNode }) {
  const router = useRouter();
  const jobs = useSweepJobs(sweep);
  // Places in line count down only while a cell waits.
  const now = useNow(1000, [...jobs.values()].some((j) => j.status === "waiting"));
  const [swapped, setSwapped] = useState(false);
  const [z, setZ] = useState(0);
  const [stacked, setStacked] = useState(false);
  const [selected, setSelected] = useState<readonly number[]>([]);
  const [open, setOpen] = useState<GalleryItem | null>(null);
  const [comparing, setComparing] = useState<GalleryItem[] | null>(null);
  const cancel = useCancelSweep(sweep.id);
  const rerun = useRerunSweep(sweep.id);
  const rerunCell = useRerunCell(sweep.id);

  const axes = gridAxes(sweep.axes.map((a) => a.field), swapped);
  const layers = stacked ? Array.from({ length: sweep.shape[2] }, (_, i) => i) : [Math.min(z, sweep.shape[2] - 1)];
  const jobOf = (position: number) => {
    const cell = sweep.cells.find((c) => c.position === position);
    return cell?.jobId ? jobs.get(cell.jobId) : undefined;
  };
  // The images in the order the grid shows them, for the large view's previous/next.
  const order = layers.flatMap((layer) =>
    layerRows(sweep.shape, axes, layer).flat().flatMap((position) => {
      const job = jobOf(position);
      return job?.status === "completed" ? job.images.map((image) => galleryItemOf(job, image)) : [];
    }),
  );
  const openIndex = open ? order.findIndex((i) => i.id === open.id) : -1;
  const firstImage = (position: number) => {
    const job = jobOf(position);
    return job?.images[0] ? galleryItemOf(job, job.images[0]) : null;
  };
  const actionError = cancel.error ?? rerun.error ?? rerunCell.error;
  const varies = sweep.axes.map((a) => `${a.label} ${a.values.length}`).join(" × ");

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold" data-testid="sweep-title">
          {sweep.title}
        </h1>
        <p className="text-sm text-neutral-600">
          {varies} · {sweep.seed !== null ? `seed ${sweep.seed} in every cell` : "the seed varies"} · {formatDateTime(sweep.createdAt)}
          {sweep.parentId && (
            <>
              {" "}
              · re-run of{" "}
              <Link href={`/sweeps/${sweep.parentId}`} className="underline">
                an earlier sweep
              </Link>
            </>
          )}
        </p>
      </header>
      <SweepToolbar
        sweep={sweep}
        jobs={[...jobs.values()]}
        selectedCount={selected.length}
        onCompare={() => setComparing(selected.map(firstImage).filter((i): i is GalleryItem => i !== null))}
        onSwap={sweep.axes.length > 0 ? () => setSwapped((s) => !s) : null}
        onCancel={() => cancel.mutate()}
        cancelling={cancel.isPending}
        onRerun={() => rerun.mutate(undefined, { onSuccess: (next) => router.push(`/sweeps/${next.id}`) })}
        rerunning={rerun.isPending}
        canRerun={sweep.seed !== null}
        extraActions={
          <>
            <SweepShareActions sweepId={sweep.id} title={sweep.title} hasImages={[...jobs.values()].some((j) => j.images.length > 0)} />
            {extraActions?.(sweep)}
          </>
        }
      />
      {actionError && <Alert tone="error">{describeError(actionError)}</Alert>}
      {sweep.shape[2] > 1 && sweep.axes[2] && <ZLayers axis={sweep.axes[2]} z={z} onZ={setZ} stacked={stacked} onStacked={setStacked} />}
      {layers.map((layer) => (
        <section key={layer} aria-label={sweep.axes[2] ? `${sweep.axes[2].label}: ${sweep.axes[2].valueLabels[layer]}` : "Grid"}>
          {stacked && sweep.axes[2] && (
            <h2 className="mb-1 text-sm font-semibold">
              {sweep.axes[2].label}: {sweep.axes[2].valueLabels[layer]}
            </h2>
          )}
          <SweepGrid
            sweep={sweep}
            axes={axes}
            z={layer}
            renderCell={(cell) => (
              <SweepCell
                cell={cell}
                job={cell.jobId ? jobs.get(cell.jobId) : undefined}
                now={now}
                selected={selected.includes(cell.position)}
                onSelect={(on) => setSelected((s) => (on ? [...s, cell.position] : s.filter((p) => p !== cell.position)))}
                onOpen={setOpen}
                onRerun={() => rerunCell.mutate(cell.position)}
                rerunning={rerunCell.isPending && rerunCell.variables === cell.position}
              />
            )}
          />
        </section>
      ))}
      {open && (
        <JobDetailDialog
          key={open.id}
          item={open}
          onClose={() => setOpen(null)}
          onPrev={openIndex > 0 ? () => setOpen(order[openIndex - 1]) : undefined}
          onNext={openIndex >= 0 && openIndex < order.length - 1 ? () => setOpen(order[openIndex + 1]) : undefined}
          onReused={() => router.push("/")}
        />
      )}
      {comparing && comparing.length >= 2 && <CompareDialog items={comparing} onClose={() => setComparing(null)} />}
    </div>
  );
}
