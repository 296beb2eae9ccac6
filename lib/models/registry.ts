/**
 * The models the playground offers. Adding a model is its folder and one line in MODELS; nothing
 * else in the app names a model. Definitions built from the gateway's catalog join these at run
 * time on the server; a hand-written definition wins over a catalog one with the same id.
 */
import type { ModelDefinition } from "@/lib/models/model-definition";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";

const MODELS: readonly ModelDefinition[] = [novaCanvas];

/** The model a request without `model` runs on: every request that worked before still does. */
export const DEFAULT_MODEL_ID = MODELS[0].id;

const byId = new Map(MODELS.map((m) => [m.id, m]));

export function listModels(): readonly ModelDefinition[] {
  return MODELS;
}

/** The definition for an id, or undefined (a Map: `__proto__` or `toString` find nothing). */
export function getModel(id: string): ModelDefinition | undefined {
  return byId.get(id);
}

export function defaultModel(): ModelDefinition {
  return byId.get(DEFAULT_MODEL_ID)!;
}
