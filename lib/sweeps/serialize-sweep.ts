import "server-only";
import type { ApiJob, ApiSweep, ApiSweepAxis, ApiSweepSummary, JobStatus } from "@/lib/api-types";
import type { SweepListRow } from "@/lib/db/sweep-queries";
import type { SweepCellRow, SweepRow } from "@/lib/db/schema";
import { microsToUsd, type ModelDefinition, type TaskType } from "@/lib/models";
import { axisLabel, axisValueLabel } from "./axis-labels";
import { gridShape, type SweepAxis } from "./sweep-axis";

/** Labels come from the models on offer; a model that is gone is named by its id. */
export type DefinitionLookup = (id: string) => ModelDefinition | undefined;

function apiAxes(sweep: SweepRow, lookup: DefinitionLookup): ApiSweepAxis[] {
  const base = lookup(String(sweep.base.model ?? ""));
  const task = String(sweep.base.task_type) as TaskType;
  return (sweep.axes as SweepAxis[]).map((axis) => ({
    field: axis.field,
    label: axisLabel(axis, base, task),
    values: axis.values,
    valueLabels: axis.values.map((v) => axisValueLabel(axis, v, base, task, (id) => lookup(id)?.label)),
    search: axis.search ?? null,
    source: axis.source ?? null,
  }));
}

function statusCounts(jobs: readonly ApiJob[]): Partial<Record<JobStatus, number>> {
  const out: Partial<Record<JobStatus, number>> = {};
  for (const j of jobs) out[j.status] = (out[j.status] ?? 0) + 1;
  return out;
}

export function toApiSweep(sweep: SweepRow, cells: readonly SweepCellRow[], jobs: ApiJob[], lookup: DefinitionLookup): ApiSweep {
  const axes = apiAxes(sweep, lookup);
  const actual = jobs.reduce((sum, j) => sum + (j.actualCostUsd ?? 0), 0);
  return {
    id: sweep.id,
    title: sweep.title,
    model: String(sweep.base.model ?? ""),
    taskType: String(sweep.base.task_type ?? ""),
    base: sweep.base,
    seed: sweep.seed,
    axes,
    shape: gridShape(axes),
    cells: cells.map((c) => ({
      position: c.position,
      x: c.x,
      y: c.y,
      z: c.z,
      labels: axes.map((a, i) => a.valueLabels[[c.x, c.y, c.z][i]] ?? ""),
      jobId: c.jobId,
      note: c.note,
    })),
    jobs,
    statuses: statusCounts(jobs),
    estimatedCostUsd: microsToUsd(sweep.estimatedCostMicros),
    actualCostUsd: Math.round(actual * 1e6) / 1e6,
    parentId: sweep.parentId,
    createdAt: sweep.createdAt.toISOString(),
  };
}

export function toApiSweepSummary(row: SweepListRow, lookup: DefinitionLookup): ApiSweepSummary {
  const axes = apiAxes(row.sweep, lookup);
  return {
    id: row.sweep.id,
    title: row.sweep.title,
    model: String(row.sweep.base.model ?? ""),
    axes: axes.map((a) => ({ label: a.label, count: a.values.length })),
    cellCount: row.sweep.cellCount,
    statuses: row.statuses as ApiSweepSummary["statuses"],
    estimatedCostUsd: microsToUsd(row.sweep.estimatedCostMicros),
    actualCostUsd: microsToUsd(row.actualCostMicros),
    createdAt: row.sweep.createdAt.toISOString(),
  };
}
