CREATE TABLE "prompt_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"text_hash" text NOT NULL,
	"use_count" integer DEFAULT 0 NOT NULL,
	"first_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pinned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sweep_cells" (
	"sweep_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"z" integer NOT NULL,
	"job_id" uuid,
	"note" text,
	CONSTRAINT "sweep_cells_sweep_id_position_pk" PRIMARY KEY("sweep_id","position")
);
--> statement-breakpoint
CREATE TABLE "sweeps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"base" jsonb NOT NULL,
	"axes" jsonb NOT NULL,
	"seed" bigint,
	"cell_count" integer NOT NULL,
	"estimated_cost_micros" bigint NOT NULL,
	"parent_id" uuid,
	"idempotency_key" text,
	"request_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "sweep_id" uuid;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "sweep_id" uuid;--> statement-breakpoint
ALTER TABLE "sweep_cells" ADD CONSTRAINT "sweep_cells_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_cells" ADD CONSTRAINT "sweep_cells_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_history_text_idx" ON "prompt_history" USING btree ("kind","text_hash");--> statement-breakpoint
CREATE INDEX "prompt_history_last_used_idx" ON "prompt_history" USING btree ("last_used_at");--> statement-breakpoint
CREATE INDEX "sweep_cells_job_idx" ON "sweep_cells" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "sweeps_created_idx" ON "sweeps" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sweeps_idempotency_key_idx" ON "sweeps" USING btree ("idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_sweep_idx" ON "jobs" USING btree ("sweep_id") WHERE sweep_id is not null;--> statement-breakpoint
-- Backfill: the prompts of the runs made before the history existed, with how often and when.
INSERT INTO "prompt_history" ("kind", "text", "text_hash", "use_count", "first_used_at", "last_used_at")
SELECT 'prompt', p."text", encode(sha256(convert_to(p."text", 'UTF8')), 'hex'), count(*), min(p."at"), max(p."at")
FROM (SELECT j."prompt" AS "text", j."created_at" AS "at" FROM "jobs" j WHERE j."prompt" IS NOT NULL AND j."prompt" <> '') p
GROUP BY p."text";
--> statement-breakpoint
INSERT INTO "prompt_history" ("kind", "text", "text_hash", "use_count", "first_used_at", "last_used_at")
SELECT 'negative', p."text", encode(sha256(convert_to(p."text", 'UTF8')), 'hex'), count(*), min(p."at"), max(p."at")
FROM (SELECT j."params"->>'negative_prompt' AS "text", j."created_at" AS "at" FROM "jobs" j
      WHERE jsonb_typeof(j."params"->'negative_prompt') = 'string' AND j."params"->>'negative_prompt' <> '') p
GROUP BY p."text";
