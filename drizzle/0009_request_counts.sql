CREATE TABLE "upstream_request_counts" (
	"second" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "upstream_request_counts_second_kind_pk" PRIMARY KEY("second","kind")
);
--> statement-breakpoint
-- The requests of the last minute, counted per kind and whole second (rounded up: a request
-- leaves the window no earlier than before).
INSERT INTO "upstream_request_counts" ("second", "kind", "n")
SELECT date_trunc('second', "at") + CASE WHEN "at" = date_trunc('second', "at") THEN interval '0' ELSE interval '1 second' END, "kind", count(*)
FROM "upstream_requests" WHERE "at" > now() - interval '2 minutes'
GROUP BY 1, 2;
--> statement-breakpoint
DROP TABLE "upstream_requests" CASCADE;
