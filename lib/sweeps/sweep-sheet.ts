import "server-only";
import { getDb } from "@/lib/db/client";
import { listImagesOfJobs } from "@/lib/db/job-queries";
import { getSweep, listSweepCells, listSweepJobs } from "@/lib/db/sweep-queries";
import type { JobRow, SweepRow } from "@/lib/db/schema";
import { taskLabel } from "@/lib/display/task-label";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/jobs/runtime";
import { formatUsd, type TaskType } from "@/lib/models";
import { getBlobStore } from "@/lib/storage";
import { axisLabel, axisValueLabel, fieldSpecOf } from "./axis-labels";
import { renderContactSheet, type SheetCell } from "./contact-sheet";
import { gridShape, type SweepAxis } from "./sweep-axis";
import type { DefinitionLookup } from "./serialize-sweep";

/** Parameters the footer does not list among "the rest": named on their own lines, or images. */
const OWN_LINES = new Set(["model", "task_type", "prompt", "negative_prompt", "seed", "image", "images", "reference_image", "mask_image"]);
const FOOTER_TEXT_MAX = 400;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Why a cell shows no image, in a few words. */
function cellNote(job: JobRow | undefined, note: string | null): string {
  if (!job) return note ?? "No run";
  switch (job.status) {
    case "completed":
      return job.imagesBlocked > 0 ? "Blocked by the content filter" : "No image returned";
    case "failed":
      return clip(`Failed: ${job.errorMessage ?? job.errorCode ?? "unknown"}`, 120);
    case "cancelled":
      return "Cancelled before it was sent";
    case "waiting":
      return "Waiting in the queue";
    default:
      return "Running";
  }
}

function footerLines(sweep: SweepRow, lookup: DefinitionLookup, jobs: readonly JobRow[]): string[] {
  const axes = sweep.axes as SweepAxis[];
  const varied = new Set(axes.map((a) => a.field));
  const base = sweep.base;
  const model = lookup(String(base.model ?? ""));
  const task = String(base.task_type) as TaskType;
  const lines: string[] = [];
  if (!varied.has("model")) lines.push(`Model: ${model?.label ?? String(base.model ?? "")}`);
  lines.push(`Task: ${taskLabel(task)}`);
  if (typeof base.prompt === "string" && !varied.has("prompt")) lines.push(`Prompt: ${clip(base.prompt, FOOTER_TEXT_MAX)}`);
  if (typeof base.prompt === "string" && varied.has("prompt")) lines.push(`Prompt (varied): ${clip(base.prompt, FOOTER_TEXT_MAX)}`);
  if (typeof base.negative_prompt === "string" && base.negative_prompt) lines.push(`Negative prompt: ${clip(base.negative_prompt, FOOTER_TEXT_MAX)}`);
  lines.push(`Seed: ${sweep.seed ?? "varies"}`);
  const rest = Object.entries(base)
    .filter(([k, v]) => !OWN_LINES.has(k) && !varied.has(k) && v !== undefined && v !== null && typeof v !== "object")
    .map(([k, v]) => `${fieldSpecOf(model, task, k)?.label ?? k} ${axisValueLabel({ field: k }, v as string | number | boolean, model, task)}`);
  if (rest.length > 0) lines.push(rest.join(" · "));
  const spent = jobs.reduce((sum, j) => sum + (j.actualCostMicros ?? 0), 0);
  lines.push(`Cost: ${formatUsd(spent)} of ${formatUsd(sweep.estimatedCostMicros)} estimated · ${sweep.createdAt.toISOString().slice(0, 10)}`);
  return lines;
}

/** The sweep's contact sheet PNG and a file name for it. */
export async function sweepContactSheet(id: string): Promise<{ png: Buffer; fileName: string }> {
  const db = await getDb();
  const sweep = /^[0-9a-f-]{36}$/i.test(id) ? await getSweep(db, id) : undefined;
  if (!sweep) throw new AppError("not_found", "No sweep with this id.");
  const offered = await (await getRuntime()).models.offered();
  const lookup: DefinitionLookup = (mid) => offered.find((m) => m.definition.id === mid)?.definition;
  const [cells, jobs] = await Promise.all([listSweepCells(db, id), listSweepJobs(db, id)]);
  const images = await listImagesOfJobs(db, jobs.map((j) => j.id));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const store = getBlobStore();
  const sheetCells: SheetCell[] = await Promise.all(
    cells.map(async (c) => {
      const job = c.jobId ? jobById.get(c.jobId) : undefined;
      const first = images.filter((i) => i.jobId === c.jobId).sort((a, b) => a.index - b.index)[0];
      const image = first ? await store.get(first.thumbKey) : null;
      return { x: c.x, y: c.y, z: c.z, image, note: cellNote(job, c.note) };
    }),
  );
  const axes = sweep.axes as SweepAxis[];
  const baseModel = lookup(String(sweep.base.model ?? ""));
  const task = String(sweep.base.task_type) as TaskType;
  const png = await renderContactSheet({
    title: sweep.title,
    axisLabels: axes.map((a) => axisLabel(a, baseModel, task)),
    valueLabels: axes.map((a) => a.values.map((v) => axisValueLabel(a, v, baseModel, task, (mid) => lookup(mid)?.label))),
    shape: gridShape(axes),
    cells: sheetCells,
    footer: footerLines(sweep, lookup, jobs),
  });
  const slug = sweep.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "sweep";
  return { png, fileName: `sweep-${slug}.png` };
}
