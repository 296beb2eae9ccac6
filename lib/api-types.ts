/**
 * JSON shapes of the app's own API (/api/*), shared by route handlers and the browser.
 * Money is in US dollars as numbers rounded to the cent's hundredth; ids are uuids.
 */
import type { CatalogModel } from "@/lib/models/catalog";
import type { TaskType } from "@/lib/models/task-types";
/**
 * `waiting`: stored, not yet sent (the run queue sends it when the request budget allows; it can
 * be cancelled). `submitting`: being sent. `queued`/`processing`: accepted by the gateway.
 * `cancelled`: taken out of the queue before it was sent (never billed).
 */
export type JobStatus = "waiting" | "submitting" | "queued" | "processing" | "completed" | "failed" | "cancelled";

export const TERMINAL_STATUSES: readonly JobStatus[] = ["completed", "failed", "cancelled"];

export interface ApiImage {
  id: string;
  jobId: string;
  index: number;
  seed: number | null;
  width: number;
  height: number;
  contentType: string;
  costUsd: number;
  /** Our own storage, never the upstream URL. */
  url: string;
  thumbUrl: string;
  createdAt: string;
  favorite: boolean;
}

/** An input image of a job, stored once by content hash. */
export interface ApiInput {
  sha256: string;
  /** The request field it filled: image, images, reference_image, mask_image. */
  role: string;
  position: number;
  width: number;
  height: number;
  contentType: string;
  url: string;
  /** Set when the input was one of our own results (lineage). */
  sourceImageId: string | null;
}

export interface ApiJob {
  id: string;
  model: string;
  taskType: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  /** Validated parameters as sent (images as references, never bytes). */
  params: Record<string, unknown>;
  prompt: string | null;
  seed: number | null;
  imagesRequested: number;
  imagesReturned: number | null;
  imagesBlocked: number;
  /** The gateway's id of the job (null until the gateway accepted it). */
  upstreamJobId: string | null;
  /** How many times the tracker asked upstream about this job (benchmarks check the budget). */
  upstreamPolls: number;
  estimatedCostUsd: number;
  actualCostUsd: number | null;
  error: { code: string; message: string } | null;
  /** Set while `waiting`: the run's place in the queue (1 = next) and when it should be sent. */
  queue: { position: number; estimatedStartAt: string | null } | null;
  createdAt: string;
  submittedAt: string | null;
  completedAt: string | null;
  failedAt: string | null;
  cancelledAt: string | null;
  /** The sweep this run is a cell of, if any. */
  sweepId: string | null;
  images: ApiImage[];
  inputs: ApiInput[];
}

/**
 * One message of the live stream (`GET /api/events`, server-sent events; the SSE `id` is the
 * bus's sequence number, so a reconnect with `Last-Event-ID` resumes after it).
 * - `job`: a run changed (status, progress, queue place, completion with its images); the run
 *   whole, as `GET /api/jobs/{id}` returns it, so a client can show it without asking again.
 * - `sweep`: a sweep's shape changed (created, a cell re-run, cancelled): read it again.
 * - `reset`: the events since `Last-Event-ID` are no longer kept: read everything again.
 */
export type ApiEvent =
  | { type: "job"; job: ApiJob }
  | { type: "sweep"; sweepId: string }
  | { type: "reset" };

export interface GalleryItem extends ApiImage {
  taskType: string;
  /** The model id of the job that made the image (label it with modelLabel: it may be retired). */
  model: string;
  prompt: string | null;
  quality: string | null;
}

/** The ids a filter matches (for "select all in this filter"), capped at `max`. */
export interface GalleryIds {
  ids: string[];
  /** How many images match in all (may be more than ids.length). */
  total: number;
  max: number;
}

export interface ImageLineage {
  /** Our own images the job took as inputs. */
  parents: GalleryItem[];
  /** Images of later jobs that took this one as an input (newest first, at most 24). */
  children: GalleryItem[];
}

export interface GalleryPage {
  items: GalleryItem[];
  /** Opaque; pass back as ?cursor= for the next (older) page. Null at the end. */
  nextCursor: string | null;
}

export interface SpendSummary {
  todayUsd: number;
  monthUsd: number;
  imagesToday: number;
  imagesMonth: number;
  allTimeUsd: number;
  imagesAllTime: number;
  /** All time, most spent first. */
  byTask: { taskType: string; usd: number; images: number }[];
  /** All time per model id, most spent first: every model with a stored image, so also the models in the history. */
  byModel: { model: string; usd: number; images: number }[];
}

export interface HealthInfo {
  ok: boolean;
  database: "pglite" | "postgres";
  /** "offline": images are synthesised by the built-in engine, not by Nova Canvas. */
  upstream: "offline" | "gateway";
}

/** Error body of every /api route. */
export interface ApiErrorBody {
  error: { code: string; message: string; fields: { field: string; message: string }[]; retry_after?: number };
}

export type ShareStatus = "active" | "revoked" | "expired";

/** A share as its owner sees it (the shares page). */
export interface ApiShare {
  id: string;
  title: string;
  description: string;
  showPrompts: boolean;
  showParams: boolean;
  allowIndexing: boolean;
  status: ShareStatus;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  viewCount: number;
  imageCount: number;
  /** `/s/<token>`; null when the link cannot be shown again (sealed with another data folder's key). */
  path: string | null;
}

/** A model the playground offers (GET /api/models). */
export interface ApiModel {
  id: string;
  label: string;
  source: "built-in" | "catalog";
  tasks: { type: TaskType; label: string }[];
  status: "active" | "deprecated" | "retired";
  /** ISO date the model retires or retired; null when none is announced. */
  retiresOn: string | null;
  /** Why it cannot run now (retired, refused by the gateway); null when it can. */
  unavailable: { reason: string; since: string | null } | null;
  /**
   * The model's catalog entry when the catalog lists it: the browser builds the same definition
   * the server uses from it (a catalog model's whole definition, a built-in model's prices).
   */
  catalog: CatalogModel | null;
}

/** One spending period (the server's day or month, in `timeZone`) as the cap sees it. */
export interface ApiSpendPeriod {
  /** The cap in force (the lower of the Settings value and the environment's ceiling); null = no cap. */
  capUsd: number | null;
  /** SPEND_CAP_DAY_USD / SPEND_CAP_MONTH_USD: the most the Settings page may set; null = unset. */
  ceilingUsd: number | null;
  /** Settled in this period (the ledger, so deleting images never lowers it). */
  spentUsd: number;
  /** Held for runs not yet settled (waiting, in flight). */
  reservedUsd: number;
  /** cap − spent − reserved (never below 0); null without a cap. */
  leftUsd: number | null;
  /** When the period ends and the cap starts again (ISO). */
  resetsAt: string;
}

/** GET /api/budget: the request budget, the queue and the spending caps, for the run bar and Settings. */
export interface ApiBudget {
  requests: {
    perMinute: number;
    /** Upstream requests made in the last 60 s (every instance, every kind). */
    usedLastMinute: number;
    left: number;
    /** A 429 from the gateway stopped every request until then (ISO), or null. */
    blockedUntil: string | null;
  };
  queue: {
    /** Runs stored but not yet sent. */
    waiting: number;
    /** Runs the gateway accepted that are not finished. */
    inFlight: number;
  };
  spend: { timeZone: string; day: ApiSpendPeriod; month: ApiSpendPeriod };
}

/** PUT /api/settings/caps body and GET answer: null = no cap. */
export interface ApiSpendCaps {
  dayUsd: number | null;
  monthUsd: number | null;
}

/** One entry of the prompt history (GET /api/prompts, PUT /api/prompts/{id}/pin). */
export interface ApiPromptEntry {
  id: string;
  /** "prompt" or "negative" (a negative prompt). */
  kind: "prompt" | "negative";
  text: string;
  /** Runs admitted with this text (imports keep the larger count). */
  useCount: number;
  firstUsedAt: string;
  lastUsedAt: string;
  /** When it was pinned; pinned entries list first. */
  pinnedAt: string | null;
  /** The newest favourite images (up to 4) of runs made with this text. */
  favorites: ApiImage[];
}

/** GET /api/prompts: pinned first, then the most recently used; `total` counts every match. */
export interface ApiPromptList {
  items: ApiPromptEntry[];
  total: number;
}

/** GET /api/prompts/export, and what POST /api/prompts/import takes. */
export interface ApiPromptExport {
  version: 1;
  exportedAt: string;
  entries: { kind: "prompt" | "negative"; text: string; useCount: number; firstUsedAt: string; lastUsedAt: string; pinned: boolean }[];
}

/** POST /api/prompts/import: how many entries were new, merged into stored ones, and stored now. */
export interface ApiPromptImportResult {
  added: number;
  merged: number;
  total: number;
}

/** One axis of a sweep, with its values as the grid labels them. */
export interface ApiSweepAxis {
  /** `model`, `prompt` or a parameter name. */
  field: string;
  label: string;
  values: (string | number | boolean)[];
  valueLabels: string[];
  /** Prompt axes: the text the values replace. */
  search: string | null;
  source: string | null;
}

export interface ApiSweepCell {
  position: number;
  x: number;
  y: number;
  z: number;
  /** Each axis's value label at this cell, x first. */
  labels: string[];
  /** The cell's current run (null when left out before Run, or its run was deleted). */
  jobId: string | null;
  note: string | null;
}

/** A sweep with its grid: `GET /api/sweeps/{id}`. */
export interface ApiSweep {
  id: string;
  title: string;
  /** The form's request the axes vary (images as stored references). */
  model: string;
  taskType: string;
  base: Record<string, unknown>;
  /** The seed every cell shares (null when an axis varies the seed). */
  seed: number | null;
  axes: ApiSweepAxis[];
  /** Cells along x, y, z. */
  shape: [number, number, number];
  cells: ApiSweepCell[];
  /** The cells' current runs, each as `GET /api/jobs/{id}` returns it. */
  jobs: ApiJob[];
  statuses: Partial<Record<JobStatus, number>>;
  estimatedCostUsd: number;
  actualCostUsd: number;
  parentId: string | null;
  createdAt: string;
}

/** A sweep in the list (`GET /api/sweeps`). */
export interface ApiSweepSummary {
  id: string;
  title: string;
  model: string;
  axes: { label: string; count: number }[];
  cellCount: number;
  statuses: Partial<Record<JobStatus, number>>;
  estimatedCostUsd: number;
  actualCostUsd: number;
  createdAt: string;
}

/**
 * `GET /api/ready`: 200 `{ ready: true }` when this instance can serve (database answering with
 * every migration applied, storage writable, runtime up, not shutting down); otherwise 503 with
 * one reason per failed check, e.g. "storage: not ready" (why, in brackets, for the owner only).
 */
export interface ApiReadiness {
  ready: boolean;
  reasons?: string[];
}
