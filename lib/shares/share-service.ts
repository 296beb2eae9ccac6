import "server-only";
/**
 * Shared galleries: create, list, edit, revoke, delete (owner side), and open by token (visitor
 * side). A visitor only ever reaches a share through its token, and every read checks that the
 * share is neither revoked nor expired, so revoking takes effect on the very next request, for
 * the page and each of its image URLs alike. Visitors see positions within the share, never
 * image or job ids, costs, or anything the owner chose to hide.
 */
import { cache } from "react";
import type { ApiShare, ShareStatus } from "@/lib/api-types";
import { getDb } from "@/lib/db/client";
import type { ShareRow } from "@/lib/db/schema";
import {
  countShareView,
  deleteShare,
  existingImageIds,
  getShare,
  getShareByTokenHash,
  getSharedImage,
  insertShare,
  listShares,
  listSharedImages,
  updateShare,
  type ShareWithCount,
} from "@/lib/db/share-queries";
import { AppError } from "@/lib/errors";
import { validationFailed } from "@/lib/field-errors";
import { parseBodyValue, type BodyParser } from "@/lib/http/parse-body";
import { modelNames } from "@/lib/shares/model-names";
import { createShareSchema, expiryDate, unknownShareField, updateShareSchema } from "@/lib/shares/share-schema";
import { hashShareToken, looksLikeShareToken, newShareToken } from "@/lib/shares/share-token";
import { openToken, sealToken } from "@/lib/shares/token-seal";
import { isUuid } from "@/lib/ids";
import { sharedGrid, sweepImageIds, type PublicSharedGrid } from "@/lib/shares/share-grid";

export function shareStatus(row: Pick<ShareRow, "revokedAt" | "expiresAt">, now = new Date()): ShareStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

function toApiShare(row: ShareRow, imageCount: number): ApiShare {
  const token = openToken(row.tokenSealed);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    showPrompts: row.showPrompts,
    showParams: row.showParams,
    allowIndexing: row.allowIndexing,
    status: shareStatus(row),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    viewCount: row.viewCount,
    imageCount,
    path: token ? `/s/${token}` : null,
  };
}

const parseShareBody = <T>(schema: BodyParser<T>, body: unknown): T => parseBodyValue(schema, body, { unknownFieldMessage: unknownShareField });

export async function createShare(body: unknown, now = new Date()): Promise<ApiShare> {
  const input = parseShareBody(createShareSchema, body);
  const db = await getDb();
  const sweepId = input.sweepId?.toLowerCase() ?? null;
  // Ids compare in lower case: Postgres prints uuids that way, whatever case they were sent in.
  const ids = sweepId ? await sweepImageIds(db, sweepId) : [...new Set((input.imageIds ?? []).map((id) => id.toLowerCase()))];
  const known = await existingImageIds(db, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const message = `imageIds names ${missing.length} image${missing.length === 1 ? "" : "s"} that do not exist (${missing.slice(0, 3).join(", ")})`;
    throw validationFailed([{ field: "imageIds", message }]);
  }
  const token = newShareToken();
  const row = await insertShare(
    db,
    {
      tokenHash: hashShareToken(token),
      tokenSealed: sealToken(token),
      title: input.title,
      description: input.description,
      showPrompts: input.showPrompts,
      showParams: input.showParams,
      allowIndexing: input.allowIndexing,
      expiresAt: expiryDate(input.expiry, now),
      sweepId,
    },
    ids,
  );
  return toApiShare(row, ids.length);
}

export async function readShares(): Promise<ApiShare[]> {
  const db = await getDb();
  return (await listShares(db)).map((r: ShareWithCount) => toApiShare(r, r.imageCount));
}

async function ownShare(id: string): Promise<ShareRow> {
  const db = await getDb();
  const row = isUuid(id) ? await getShare(db, id) : null;
  if (!row) throw new AppError("not_found", "No share with this id.");
  return row;
}

async function withCount(row: ShareRow): Promise<ApiShare> {
  const db = await getDb();
  return toApiShare(row, (await listSharedImages(db, row.id)).length);
}

export async function editShare(id: string, body: unknown): Promise<ApiShare> {
  const patch = parseShareBody(updateShareSchema, body);
  await ownShare(id);
  const db = await getDb();
  const row = await updateShare(db, id, patch);
  if (!row) throw new AppError("not_found", "No share with this id.");
  return withCount(row);
}

/** Revoking is final: the link stops working at once and cannot be turned back on. */
export async function revokeShare(id: string, now = new Date()): Promise<ApiShare> {
  const existing = await ownShare(id);
  if (existing.revokedAt) return withCount(existing);
  const db = await getDb();
  const row = await updateShare(db, id, { revokedAt: now });
  return withCount(row!);
}

export async function removeShare(id: string): Promise<void> {
  await ownShare(id);
  const db = await getDb();
  await deleteShare(db, id);
}

// ---- visitor side ---------------------------------------------------------------------------

export interface PublicSharedImage {
  /** 1-based, as in the share's URLs. */
  n: number;
  width: number;
  height: number;
  taskType: string;
  /** The name of the model that made it (its id when the model is no longer offered). */
  model: string;
  prompt: string | null;
  params: Record<string, unknown> | null;
}

export interface PublicShare {
  token: string;
  title: string;
  description: string;
  showPrompts: boolean;
  showParams: boolean;
  allowIndexing: boolean;
  images: PublicSharedImage[];
  /** A shared sweep: its grid, each cell pointing at its image's place in `images` (null otherwise). */
  grid: PublicSharedGrid | null;
  /** The names of the models that made the images, each once, in the order they first appear. */
  models: string[];
}

/** Parameters a visitor may see when the owner shows parameters: never image bytes or input hashes. */
function visibleParams(params: Record<string, unknown>, showPrompts: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "object" && v !== null) continue; // image references, palettes as objects
    if (!showPrompts && /prompt/.test(k)) continue;
    out[k] = v;
  }
  if (Array.isArray(params.colors)) out.colors = params.colors;
  return out;
}

/**
 * The live share row of a token. React's `cache` makes it one read per server render (the page
 * and its metadata both ask); outside a render (route handlers, tests) every call reads.
 */
const liveShareByToken = cache(async (token: string): Promise<ShareRow | null> => {
  if (!looksLikeShareToken(token)) return null;
  const db = await getDb();
  const row = await getShareByTokenHash(db, hashShareToken(token));
  return row && shareStatus(row) === "active" ? row : null;
});

/** What a visitor of the share sees (once per server render, like the row). */
const publicShare = cache(async (token: string): Promise<PublicShare | null> => {
  const row = await liveShareByToken(token);
  if (!row) return null;
  const db = await getDb();
  const rows = await listSharedImages(db, row.id);
  const names = await modelNames(rows.map((r) => r.model));
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    token,
    title: row.title,
    description: row.description,
    showPrompts: row.showPrompts,
    showParams: row.showParams,
    allowIndexing: row.allowIndexing,
    images: rows.map((r, i) => ({
      n: i + 1,
      width: r.image.width,
      height: r.image.height,
      taskType: r.taskType,
      model: nameOf(r.model),
      prompt: row.showPrompts ? r.prompt : null,
      params: row.showParams ? visibleParams(r.params, row.showPrompts) : null,
    })),
    models: [...new Set(rows.map((r) => nameOf(r.model)))],
    grid: row.sweepId ? await sharedGrid(db, row.sweepId, rows.map((r) => r.image.id), { showPrompts: row.showPrompts, modelName: nameOf }) : null,
  };
});

/** The share behind a token, or null when there is none, or it was revoked or has expired. */
export async function openShare(token: string, opts: { countView?: boolean } = {}): Promise<PublicShare | null> {
  const share = await publicShare(token);
  const row = share && opts.countView ? await liveShareByToken(token) : null;
  if (row) await countShareView(await getDb(), row.id);
  return share;
}

/** Blob key and type of image n (1-based) of a live share; null for anything else. */
export async function sharedImageFile(token: string, n: number, variant: "file" | "thumb") {
  const row = await liveShareByToken(token);
  if (!row || !Number.isInteger(n) || n < 1) return null;
  const db = await getDb();
  const image = await getSharedImage(db, row.id, n - 1);
  if (!image) return null;
  return {
    key: variant === "file" ? image.blobKey : image.thumbKey,
    contentType: variant === "file" ? image.contentType : "image/webp",
    name: `${row.title.replace(/[^\w.-]+/g, "-").slice(0, 40) || "shared"}-${n}.${(variant === "file" ? image.blobKey : image.thumbKey).split(".").pop()}`,
  };
}
