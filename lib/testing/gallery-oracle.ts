/**
 * The gallery's filter and sort computed in plain TypeScript over what a test seeded: the
 * independent answer the SQL of listGallery / listGalleryIds is checked against; and the seeding
 * both tests share.
 */
import type { Db } from "@/lib/db/client";
import type { JobRow } from "@/lib/db/schema";
import type { GalleryFilter, GallerySort } from "@/lib/gallery/gallery-filter";
import type { TaskType } from "@/lib/models/task-types";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";

/** The facts of one seeded image that filters and sorts look at. */
export interface SeededFacts {
  id: string;
  taskType: string;
  model: string;
  quality: "standard" | "premium";
  prompt: string | null;
  costMicros: number;
  createdAt: Date;
  favorite: boolean;
}

export function expectedIds(all: readonly SeededFacts[], f: GalleryFilter): string[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const matching = all.filter(
    (s) =>
      (!f.task || s.taskType === f.task) &&
      (!f.model || s.model === f.model) &&
      (!f.favorites || s.favorite) &&
      (!f.quality || s.quality === f.quality) &&
      (!f.from || day(s.createdAt) >= f.from) &&
      (!f.to || day(s.createdAt) <= f.to) &&
      (!f.q || (s.prompt !== null && s.prompt.toLowerCase().includes(f.q.toLowerCase()))),
  );
  // uuid order in PostgreSQL is byte order, which is the order of the lowercase hex text.
  const byId = (a: SeededFacts, b: SeededFacts) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byTime = (a: SeededFacts, b: SeededFacts) => a.createdAt.getTime() - b.createdAt.getTime();
  const cmp: Record<GallerySort, (a: SeededFacts, b: SeededFacts) => number> = {
    newest: (a, b) => byTime(b, a) || byId(b, a),
    oldest: (a, b) => byTime(a, b) || byId(a, b),
    cost: (a, b) => b.costMicros - a.costMicros || byTime(b, a) || byId(b, a),
  };
  return [...matching].sort(cmp[f.sort]).map((s) => s.id);
}

/** A job to seed: what the filters look at. `quality: null` = none in params (counts as standard). */
export interface SeedJobSpec {
  taskType: TaskType;
  quality: "standard" | "premium" | null;
  prompt: string | null;
  /** The job's model id; the fixtures' default (Nova Canvas) when left out. */
  model?: string;
}

/** Where one image goes: which job (index into the specs), when, at what cost, starred or not. */
export interface SeedImagePlan {
  job: number;
  createdAt: Date;
  costMicros: number;
  favorite: boolean;
}

export interface SeededImage extends SeededFacts {
  job: number;
  taskType: TaskType;
  rawQuality: string | null;
}

/** Inserts the jobs and their images as planned and returns what the test knows of each. */
export async function seedGallery(db: Db, specs: readonly SeedJobSpec[], plans: readonly SeedImagePlan[]): Promise<SeededImage[]> {
  const jobs: JobRow[] = [];
  for (const spec of specs) {
    const params: Record<string, unknown> = spec.prompt ? { prompt: spec.prompt } : {};
    if (spec.quality) params.quality = spec.quality;
    jobs.push(await insertTestJob(db, { taskType: spec.taskType, prompt: spec.prompt, params, ...(spec.model ? { model: spec.model } : {}) }));
  }
  const nextIndex = specs.map(() => 0);
  const indexed = plans.map((p) => ({ ...p, index: nextIndex[p.job]++ }));
  const inserted = await insertTestImages(
    db,
    indexed.map((p) => testImage(jobs[p.job].id, p.index, { createdAt: p.createdAt, costMicros: p.costMicros, favorite: p.favorite })),
  );
  if (inserted.length !== plans.length) throw new Error(`seeded ${inserted.length} of ${plans.length} images`);
  return indexed.map((p) => {
    const row = inserted.find((r) => r.jobId === jobs[p.job].id && r.index === p.index);
    if (!row) throw new Error(`image ${p.index} of job ${p.job} was not inserted`);
    const spec = specs[p.job];
    return {
      id: row.id,
      job: p.job,
      taskType: spec.taskType,
      model: jobs[p.job].model,
      quality: spec.quality ?? "standard",
      rawQuality: spec.quality,
      prompt: spec.prompt,
      costMicros: p.costMicros,
      createdAt: p.createdAt,
      favorite: p.favorite,
    };
  });
}
