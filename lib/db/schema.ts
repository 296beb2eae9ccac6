import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  type AnyPgColumn,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Money is stored as integer micro-dollars (1 USD = 1,000,000) so sums are exact.
 * Timestamps are timestamptz; every status change has its own column so a job's history is
 * readable without an events table.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * waiting → submitting → queued → processing → completed | failed. `waiting` runs are in the run
 * queue (lib/jobs/run-queue.ts), not yet sent; cancelling one makes it `cancelled`.
 */
export const JOB_STATUSES = ["waiting", "submitting", "queued", "processing", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    model: text("model").notNull(),
    taskType: text("task_type").notNull(),
    status: text("status").$type<JobStatus>().notNull().default("submitting"),
    /** Validated parameters; image fields hold `{ input: <sha256> }` references, never bytes. */
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    prompt: text("prompt"),
    seed: bigint("seed", { mode: "number" }),
    imagesRequested: integer("images_requested").notNull(),
    imagesReturned: integer("images_returned"),
    imagesBlocked: integer("images_blocked").notNull().default(0),
    upstreamJobId: text("upstream_job_id"),
    progress: real("progress").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    estimatedCostMicros: bigint("estimated_cost_micros", { mode: "number" }).notNull(),
    actualCostMicros: bigint("actual_cost_micros", { mode: "number" }),
    /** What the upstream itself reported as the cost, when it reports one. */
    upstreamCostMicros: bigint("upstream_cost_micros", { mode: "number" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    submittedAt: ts("submitted_at"),
    queuedAt: ts("queued_at"),
    processingAt: ts("processing_at"),
    completedAt: ts("completed_at"),
    failedAt: ts("failed_at"),
    cancelledAt: ts("cancelled_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** When the tracker should next ask upstream about this job; null when nothing to do. */
    nextPollAt: ts("next_poll_at"),
    pollCount: integer("poll_count").notNull().default(0),
    /** Lease: which tracker instance works on the job, and until when. */
    leaseOwner: text("lease_owner"),
    leaseUntil: ts("lease_until"),
    /**
     * The client's Idempotency-Key for the submit that made this run, with the SHA-256 of the body
     * it came with: the same key again returns this run instead of making another (24 hours).
     */
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    /** The sweep this run is a cell of (lib/sweeps); null for a single run or once the sweep is deleted. */
    sweepId: uuid("sweep_id").references((): AnyPgColumn => sweeps.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("jobs_upstream_job_id_idx").on(t.upstreamJobId),
    uniqueIndex("jobs_idempotency_key_idx").on(t.idempotencyKey).where(sql`idempotency_key is not null`),
    // The run queue reads waiting runs oldest first.
    index("jobs_waiting_idx").on(t.createdAt, t.id).where(sql`status = 'waiting'`),
    index("jobs_next_poll_idx").on(t.nextPollAt).where(sql`next_poll_at is not null`),
    // Runs not ended yet: the queue's counts and the budget's runs needing a poll read only
    // these, however many ended runs the table holds.
    index("jobs_active_idx").on(t.status).where(sql`status in ('waiting', 'submitting', 'queued', 'processing')`),
    // Accepted runs by their next poll: the budget holds a request for each poll due within its
    // window (lib/db/rate-queries.ts), a range of this index however many runs are in flight.
    index("jobs_poll_hold_idx").on(t.nextPollAt).where(sql`status in ('queued', 'processing')`),
    index("jobs_created_idx").on(t.createdAt),
    index("jobs_sweep_idx").on(t.sweepId).where(sql`sweep_id is not null`),
  ],
);

export const images = pgTable(
  "images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    seed: bigint("seed", { mode: "number" }),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    contentType: text("content_type").notNull(),
    blobKey: text("blob_key").notNull(),
    thumbKey: text("thumb_key").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    costMicros: bigint("cost_micros", { mode: "number" }).notNull(),
    favorite: boolean("favorite").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    // One row per output slot: a resumed job can never store the same image twice.
    uniqueIndex("images_job_index_idx").on(t.jobId, t.index),
    index("images_gallery_idx").on(t.createdAt.desc(), t.id.desc()),
    index("images_favorite_idx").on(t.createdAt.desc(), t.id.desc()).where(sql`favorite`),
  ],
);

/** Input images, stored once by content hash and shared by every job that uses them. */
export const inputs = pgTable("inputs", {
  sha256: text("sha256").primaryKey(),
  contentType: text("content_type").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  byteSize: integer("byte_size").notNull(),
  blobKey: text("blob_key").notNull(),
  /** Lineage: set when the input is one of our own outputs fed into another task. */
  sourceImageId: uuid("source_image_id").references(() => images.id, { onDelete: "set null" }),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const jobInputs = pgTable(
  "job_inputs",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    inputSha256: text("input_sha256")
      .notNull()
      .references(() => inputs.sha256),
    /** The request field the input fills: image, images, reference_image, mask_image. */
    role: text("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.role, t.position] })],
);

/**
 * A shared gallery. The link's token is 128 random bits that are never stored: only their
 * SHA-256 is, so a database dump cannot be turned back into working links. Revoking sets
 * revoked_at, and every read of the share (page and image URLs) checks it, so it stops at once.
 */
export const shares = pgTable(
  "shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    /**
     * The token sealed with a key kept outside the database (AES-256-GCM, lib/shares/token-seal),
     * so the shares page can show the link again while a database dump alone still cannot.
     */
    tokenSealed: text("token_sealed").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    showPrompts: boolean("show_prompts").notNull().default(false),
    showParams: boolean("show_params").notNull().default(false),
    /** Share pages are noindex unless the owner allows indexing. */
    allowIndexing: boolean("allow_indexing").notNull().default(false),
    /** A shared sweep: the page lays the images out on the sweep's grid, with its axes. */
    sweepId: uuid("sweep_id").references((): AnyPgColumn => sweeps.id, { onDelete: "set null" }),
    expiresAt: ts("expires_at"),
    revokedAt: ts("revoked_at"),
    viewCount: integer("view_count").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("shares_token_hash_idx").on(t.tokenHash), index("shares_created_idx").on(t.createdAt)],
);

/** The images of a share, in the order they are shown; the share's URLs address them by position. */
export const shareImages = pgTable(
  "share_images",
  {
    shareId: uuid("share_id")
      .notNull()
      .references(() => shares.id, { onDelete: "cascade" }),
    imageId: uuid("image_id")
      .notNull()
      .references(() => images.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shareId, t.position] }), uniqueIndex("share_images_image_idx").on(t.shareId, t.imageId), index("share_images_by_image_idx").on(t.imageId)],
);

/**
 * A signed-in browser (PLAYGROUND_PASSWORD). The cookie carries a random id, an expiry and an
 * HMAC keyed by the password; only the id's SHA-256 is stored, so a database dump opens nothing.
 * Every API request and page checks the row, so signing out (deleting it) ends the session at
 * once, and "sign out everywhere" deletes them all.
 */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    createdAt: ts("created_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt)],
);

export const LEDGER_KINDS = ["reserve", "settle", "release"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The spend ledger: append-only. A run's maximum cost is held (`reserve`) when it is queued, and
 * the hold is closed once, by `settle` (what was charged) or `release` (nothing was). No foreign
 * key to jobs: deleting a job or its images never changes what was spent. Spent in a period =
 * settles in it; reserved = reserves with no closing entry yet.
 */
export const spendLedger = pgTable(
  "spend_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    jobId: uuid("job_id").notNull(),
    model: text("model").notNull(),
    taskType: text("task_type").notNull(),
    kind: text("kind").$type<LedgerKind>().notNull(),
    amountMicros: bigint("amount_micros", { mode: "number" }).notNull(),
    /** Images held for (reserve) or charged (settle). */
    images: integer("images").notNull().default(0),
    note: text("note"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("spend_ledger_created_idx").on(t.createdAt),
    // One hold per run, closed at most once: a resumed tracker can never settle twice.
    uniqueIndex("spend_ledger_reserve_idx").on(t.jobId).where(sql`kind = 'reserve'`),
    uniqueIndex("spend_ledger_close_idx").on(t.jobId).where(sql`kind <> 'reserve'`),
  ],
);

/** Settings changed from the Settings page (spending caps), one JSON value per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/**
 * Server-held random keys (the session signing key, the share-link seal, the device cookie's
 * MAC key), created once with `insert … on conflict do nothing` so every instance sharing the
 * database agrees on them (lib/secrets). `value` is base64url of 32 random bytes.
 */
export const secrets = pgTable("secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/**
 * The upstream request budget (lib/budget): how many requests of each kind were made to the
 * gateway in each second of the last minute, from every instance sharing the database, and one
 * `blocked_until` after a 429. A request counts from the whole second after it was taken (or
 * answered), so it leaves the window up to a second late, never early; the budget's decision
 * reads at most one row per second of the window, however many requests it holds.
 */
export const upstreamRequestCounts = pgTable(
  "upstream_request_counts",
  {
    second: ts("second").notNull(),
    kind: text("kind").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.second, t.kind] })],
);

export const upstreamBlocks = pgTable("upstream_blocks", {
  account: text("account").primaryKey(),
  blockedUntil: ts("blocked_until").notNull(),
});

/**
 * A sweep (lib/sweeps): one request from the form varied over up to three axes, each cell a run.
 * `base` is the form's request (image fields as `{ input: <sha256> }` references, like jobs.params)
 * and `axes` what each axis varies and its values, so the grid can be read, re-run and shared
 * without the form. The seed is fixed across cells unless an axis varies it.
 */
export const sweeps = pgTable(
  "sweeps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    base: jsonb("base").$type<Record<string, unknown>>().notNull(),
    axes: jsonb("axes").$type<unknown[]>().notNull(),
    seed: bigint("seed", { mode: "number" }),
    cellCount: integer("cell_count").notNull(),
    estimatedCostMicros: bigint("estimated_cost_micros", { mode: "number" }).notNull(),
    /** The sweep this one re-ran (another seed), if any. */
    parentId: uuid("parent_id"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("sweeps_created_idx").on(t.createdAt),
    uniqueIndex("sweeps_idempotency_key_idx").on(t.idempotencyKey).where(sql`idempotency_key is not null`),
  ],
);

/**
 * One cell of a sweep at (x, y, z), `position` = x + y·nx + z·nx·ny. `job_id` is the cell's latest
 * run (a re-run of the cell points it at the new run; the old one stays in the gallery); null when
 * the cell was dropped before Run or its run was deleted.
 */
export const sweepCells = pgTable(
  "sweep_cells",
  {
    sweepId: uuid("sweep_id")
      .notNull()
      .references(() => sweeps.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    x: integer("x").notNull(),
    y: integer("y").notNull(),
    z: integer("z").notNull(),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    /** Why the cell has no run (dropped before Run), when it has none. */
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.position] }), index("sweep_cells_job_idx").on(t.jobId)],
);

export const PROMPT_KINDS = ["prompt", "negative"] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/**
 * Prompt history: every prompt and negative prompt a run was admitted with, once per text, with
 * how often and when last. Keyed by the text's SHA-256 (a btree cannot index long texts); pinned
 * prompts sort first. Recorded in the admission transaction, so a run is never without its entry.
 */
export const promptHistory = pgTable(
  "prompt_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<PromptKind>().notNull(),
    text: text("text").notNull(),
    textHash: text("text_hash").notNull(),
    useCount: integer("use_count").notNull().default(0),
    firstUsedAt: ts("first_used_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at").notNull().defaultNow(),
    pinnedAt: ts("pinned_at"),
  },
  (t) => [uniqueIndex("prompt_history_text_idx").on(t.kind, t.textHash), index("prompt_history_last_used_idx").on(t.lastUsedAt)],
);

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type ImageRow = typeof images.$inferSelect;
export type InputRow = typeof inputs.$inferSelect;
export type NewImageRow = typeof images.$inferInsert;
export type NewInputRow = typeof inputs.$inferInsert;
export type JobInputRow = typeof jobInputs.$inferSelect;
export type LedgerRow = typeof spendLedger.$inferSelect;
export type ShareRow = typeof shares.$inferSelect;
export type NewShareRow = typeof shares.$inferInsert;
export type SweepRow = typeof sweeps.$inferSelect;
export type NewSweepRow = typeof sweeps.$inferInsert;
export type SweepCellRow = typeof sweepCells.$inferSelect;
export type PromptHistoryRow = typeof promptHistory.$inferSelect;
