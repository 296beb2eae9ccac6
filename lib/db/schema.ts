import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
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

export const JOB_STATUSES = ["submitting", "queued", "processing", "completed", "failed"] as const;
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
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** When the tracker should next ask upstream about this job; null when nothing to do. */
    nextPollAt: ts("next_poll_at"),
    pollCount: integer("poll_count").notNull().default(0),
    /** Lease: which tracker instance works on the job, and until when. */
    leaseOwner: text("lease_owner"),
    leaseUntil: ts("lease_until"),
  },
  (t) => [
    uniqueIndex("jobs_upstream_job_id_idx").on(t.upstreamJobId),
    index("jobs_next_poll_idx").on(t.nextPollAt).where(sql`next_poll_at is not null`),
    index("jobs_created_idx").on(t.createdAt),
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
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    // One row per output slot: a resumed job can never store the same image twice.
    uniqueIndex("images_job_index_idx").on(t.jobId, t.index),
    index("images_gallery_idx").on(t.createdAt.desc(), t.id.desc()),
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

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
export type ImageRow = typeof images.$inferSelect;
export type InputRow = typeof inputs.$inferSelect;
export type NewImageRow = typeof images.$inferInsert;
export type NewInputRow = typeof inputs.$inferInsert;
export type JobInputRow = typeof jobInputs.$inferSelect;
