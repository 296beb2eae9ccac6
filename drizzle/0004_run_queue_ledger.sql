CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"model" text NOT NULL,
	"task_type" text NOT NULL,
	"kind" text NOT NULL,
	"amount_micros" bigint NOT NULL,
	"images" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_blocks" (
	"account" text PRIMARY KEY NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "request_hash" text;--> statement-breakpoint
CREATE INDEX "spend_ledger_created_idx" ON "spend_ledger" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "spend_ledger_reserve_idx" ON "spend_ledger" USING btree ("job_id") WHERE kind = 'reserve';--> statement-breakpoint
CREATE UNIQUE INDEX "spend_ledger_close_idx" ON "spend_ledger" USING btree ("job_id") WHERE kind <> 'reserve';--> statement-breakpoint
CREATE INDEX "upstream_requests_at_idx" ON "upstream_requests" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_idempotency_key_idx" ON "jobs" USING btree ("idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "jobs_waiting_idx" ON "jobs" USING btree ("created_at","id") WHERE status = 'waiting';--> statement-breakpoint
-- Backfill: the money of the runs made before the ledger existed. A completed run is settled at
-- what it cost (its own record, which deleted images do not change), at the time it completed;
-- a run still in flight holds its estimate, settled by the tracker when it ends.
INSERT INTO "spend_ledger" ("job_id", "model", "task_type", "kind", "amount_micros", "images", "note", "created_at")
SELECT j."id", j."model", j."task_type", 'settle',
       coalesce(j."actual_cost_micros", (SELECT sum(i."cost_micros") FROM "images" i WHERE i."job_id" = j."id"), 0),
       coalesce(j."images_returned", (SELECT count(*) FROM "images" i WHERE i."job_id" = j."id"), 0),
       'backfilled from the run''s record', coalesce(j."completed_at", j."updated_at")
FROM "jobs" j WHERE j."status" = 'completed';
--> statement-breakpoint
INSERT INTO "spend_ledger" ("job_id", "model", "task_type", "kind", "amount_micros", "images", "note", "created_at")
SELECT j."id", j."model", j."task_type", 'reserve', j."estimated_cost_micros", j."images_requested",
       'backfilled hold of a run in flight', j."created_at"
FROM "jobs" j WHERE j."status" IN ('queued', 'processing');
