import "server-only";
import { randomInt } from "node:crypto";
import type { ModelDefinition, TaskType } from "@/lib/models";
import { fieldSpecOf } from "./axis-labels";

const DEFAULT_SEED_MAX = 2 ** 31 - 1;

/**
 * One seed that every model of a sweep accepts (A1111 fixes one seed across the grid so that only
 * the axes differ): drawn below the smallest of their seed maxima.
 */
export function drawSharedSeed(models: readonly (ModelDefinition | undefined)[], task: TaskType): number {
  const maxima = models.map((m) => fieldSpecOf(m, task, "seed")?.max ?? DEFAULT_SEED_MAX);
  return randomInt(0, Math.min(DEFAULT_SEED_MAX, ...maxima) + 1);
}
