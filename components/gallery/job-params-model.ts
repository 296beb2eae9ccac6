/** The parameters of a job as label/value rows, in the form's order and with its labels. */
import type { ApiJob } from "@/lib/api-types";
import { isTaskType, TASK_FIELDS, type FieldSpec } from "@/lib/models";
import { taskLabel } from "@/lib/display/task-label";

export interface ParamRow {
  name: string;
  label: string;
  value: string;
  /** For colours: the swatches to draw. */
  colors?: string[];
}

const filled = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

function formatValue(spec: FieldSpec | undefined, value: unknown): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "string") return spec?.optionLabels?.[value] ?? value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function paramRows(job: Pick<ApiJob, "taskType" | "params">): ParamRow[] {
  const rows: ParamRow[] = [{ name: "task_type", label: "Task", value: taskLabel(job.taskType) }];
  const specs = isTaskType(job.taskType) ? TASK_FIELDS[job.taskType] : [];
  const names = specs.length > 0 ? specs.map((s) => s.name) : Object.keys(job.params).filter((k) => k !== "model" && k !== "task_type");
  for (const name of names) {
    const spec = specs.find((s) => s.name === name);
    const value = job.params[name];
    // Images are shown as thumbnails, not as rows.
    if (!filled(value) || spec?.kind === "image" || spec?.kind === "images") continue;
    const row: ParamRow = { name, label: spec?.label ?? name, value: formatValue(spec, value) };
    if (spec?.kind === "colors" && Array.isArray(value)) row.colors = value.map(String);
    rows.push(row);
  }
  return rows;
}
