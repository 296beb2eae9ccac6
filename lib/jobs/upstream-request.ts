import "server-only";
import type { Db } from "@/lib/db/client";
import { getInput } from "@/lib/db/input-queries";
import { AppError } from "@/lib/errors";
import { invertMask } from "@/lib/images";
import { maskNeedsInversion, type ModelDefinition, type ModelRequest, type TaskType } from "@/lib/models";
import type { BlobStore } from "@/lib/storage";

/**
 * The request a waiting run sends, rebuilt from what was stored when it was queued: its
 * validated parameters, with each `{ input: <sha256> }` replaced by the stored input's bytes
 * (oriented at submit) as base64, and a mask in the model's polarity (store-inputs.ts stores
 * masks as painted, white = change; this is where a black-is-change model's mask is inverted).
 * A run may wait minutes, or across a restart, so nothing of it is kept in memory.
 */
export async function upstreamRequestOf(
  db: Db,
  store: BlobStore,
  params: Record<string, unknown>,
  model: Pick<ModelDefinition, "maskPolarity">,
): Promise<ModelRequest> {
  const out: Record<string, unknown> = { ...params };
  for (const [field, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      out[field] = await Promise.all(value.map((item) => resolve(db, store, field, item, params, model)));
    } else {
      out[field] = await resolve(db, store, field, value, params, model);
    }
  }
  return out as ModelRequest;
}

function inputRef(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const sha = (value as { input?: unknown }).input;
  return typeof sha === "string" ? sha : null;
}

async function resolve(
  db: Db,
  store: BlobStore,
  field: string,
  value: unknown,
  params: Record<string, unknown>,
  model: Pick<ModelDefinition, "maskPolarity">,
): Promise<unknown> {
  const sha = inputRef(value);
  if (sha === null) return value;
  const row = await getInput(db, sha);
  const bytes = row ? await store.get(row.blobKey) : null;
  if (!bytes) throw new AppError("not_found", `The stored input image of ${field} is missing from storage.`);
  const invert = field === "mask_image" && maskNeedsInversion(params.task_type as TaskType, model.maskPolarity);
  return (invert ? await invertMask(bytes) : bytes).toString("base64");
}
