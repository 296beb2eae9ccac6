"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ApiModel } from "@/lib/api-types";
import { catalogDefinition } from "@/lib/models/catalog/catalog-definition";
import { getModel, type ModelDefinition } from "@/lib/models";
import { fetchModels } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

/** The server reads the catalog at most hourly; five minutes here keeps a retirement visible soon. */
const MODELS_STALE_MS = 5 * 60_000;

export const modelsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.models,
    queryFn: async () => (await fetchModels()).models,
    staleTime: MODELS_STALE_MS,
  });

/** The models on offer (GET /api/models), each with its state. */
export function useModels() {
  return useQuery(modelsQueryOptions());
}

const built = new WeakMap<ApiModel, ModelDefinition | null>();

function build(model: ApiModel): ModelDefinition | null {
  const own = getModel(model.id);
  if (own) return model.catalog && own.withCatalogPrices ? own.withCatalogPrices(model.catalog.imagePrices) : own;
  return model.catalog ? catalogDefinition(model.catalog).definition : null;
}

/**
 * The definition the browser runs a model's rules with, built exactly as the server builds it
 * (lib/model-catalog/offered-models.ts): the hand-written one (priced from the catalog when the
 * catalog prices it), or the one built from its catalog entry. Null when neither exists.
 */
export function definitionOf(model: ApiModel): ModelDefinition | null {
  if (!built.has(model)) built.set(model, build(model));
  return built.get(model) ?? null;
}

/**
 * A model's name for display, for ids in history too: the offered model's label, the built-in
 * definition's, else the id itself (a catalog model the gateway no longer lists).
 */
export function modelLabel(id: string, models: readonly ApiModel[] | undefined): string {
  return models?.find((m) => m.id === id)?.label ?? getModel(id)?.label ?? id;
}
