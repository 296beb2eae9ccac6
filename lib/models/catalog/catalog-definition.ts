/**
 * A model definition built from the gateway's catalog entry (contract §7), for image models that
 * have no hand-written folder. One generic task: a prompt, and reference images where the model
 * takes them ("edit by instruction"). Built the same way in the browser and on the server from
 * the same CatalogModel, so the form and the API check a run with the same rules.
 */
import { z } from "zod";
import { toFieldErrors } from "@/lib/field-errors";
import { catalogFields, type CatalogField } from "@/lib/models/catalog/catalog-fields";
import type { CatalogModel } from "@/lib/models/catalog/catalog-model";
import { catalogPrice } from "@/lib/models/catalog/catalog-price";
import type { ModelDefinition, ModelLifecycle, ModelRequest } from "@/lib/models/model-definition";
import { normalizeInput } from "@/lib/models/rules/normalize-input";

/** The one task a catalog model runs; the app files it with text-to-image runs. */
const TASK = "TEXT_IMAGE" as const;

export interface CatalogDefinition {
  definition: ModelDefinition | null;
  /** What the app could not offer, one line each: logged once when the catalog is read. */
  skipped: string[];
}

function lifecycle(model: CatalogModel): ModelLifecycle {
  const status = model.status === "retired" || model.status === "deprecated" ? model.status : "active";
  return { status, retiresOn: model.retiresOn };
}

function buildSchema(model: CatalogModel, fields: CatalogField[]) {
  const shape: Record<string, z.ZodType> = {
    model: z.literal(model.id, { error: () => `model must be "${model.id}"` }).optional(),
    task_type: z.literal(TASK, { error: () => `task_type must be ${TASK} for ${model.displayName}` }).optional(),
  };
  for (const f of fields) shape[f.name] = f.schema;
  return z.preprocess(normalizeInput, z.strictObject(shape, { error: () => "request body must be a JSON object" }));
}

export function catalogDefinition(model: CatalogModel): CatalogDefinition {
  const { fields, skipped } = catalogFields(model.params);
  if (model.imagePriceMicros === null) return { definition: null, skipped: [...skipped, `${model.id}: no per-image price, so no run could show its cost`] };
  if (!fields.some((f) => f.name === "prompt")) return { definition: null, skipped: [...skipped, `${model.id}: no prompt parameter`] };
  const schema = buildSchema(model, fields);
  const defaults = fields.filter((f) => f.spec.default !== undefined);
  const wire = new Map(fields.map((f) => [f.name, f.wireName]));
  const seed = fields.find((f) => f.name === "seed");
  const imageCount = (params: Record<string, unknown>) => {
    const n = params.number_of_images;
    return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : Number(fields.find((f) => f.name === "number_of_images")?.spec.default ?? 1);
  };
  const price = (params: Record<string, unknown>) => catalogPrice(model, params, wire);
  const takesImages = fields.some((f) => f.name === "images" || f.name === "image");

  const definition: ModelDefinition = {
    id: model.id,
    label: model.displayName,
    source: "catalog",
    lifecycle: lifecycle(model),
    taskTypes: [TASK],
    defaultTaskType: TASK,
    taskLabels: { [TASK]: { label: takesImages ? "Generate or edit" : "Text to image", description: model.description } },
    taskFields: { [TASK]: fields.map((f) => f.spec) },
    taskParams: { [TASK]: fields.map((f) => f.name) },
    // [assumed, contract §7] "A mask, where a model takes one, is white = edit."
    maskPolarity: { [TASK]: "white-edit" },
    validate(input) {
      const result = schema.safeParse(input);
      if (!result.success) return { ok: false, errors: toFieldErrors(result.error.issues, (key) => `${key} is not a parameter of ${model.displayName}`) };
      const value: ModelRequest = { task_type: TASK };
      for (const [key, v] of Object.entries(result.data)) if (v !== undefined && key !== "task_type") value[key] = v;
      // Defaults written out, so a stored run says what ran, whatever the gateway's default becomes.
      for (const f of defaults) value[f.name] ??= f.spec.default;
      return { ok: true, value };
    },
    ensureSeed(req, random) {
      if (!seed || req.seed !== undefined) return req;
      const min = seed.spec.min ?? 0;
      const max = seed.spec.max ?? min;
      return { ...req, seed: min + Math.floor(random() * (max - min + 1)) };
    },
    estimateCost(input) {
      const images = imageCount(input);
      const perImageMicros = price(input);
      return { perImageMicros, images, totalMicros: perImageMicros * images, width: null, height: null };
    },
    outputPriceMicros: (params) => price(params),
    buildPayload(req, opts) {
      const payload: Record<string, unknown> = { model: model.id };
      for (const [key, value] of Object.entries(req)) {
        const name = wire.get(key);
        if (name !== undefined && value !== undefined) payload[name] = value;
      }
      if (opts?.sync) payload.sync = true;
      return payload;
    },
  };
  return { definition, skipped };
}
