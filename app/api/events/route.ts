import { handleRoute } from "@/lib/http/handle-route";
import { jobEventStream } from "@/lib/jobs/job-events";

// A stream per request: never prerendered or cached.
export const dynamic = "force-dynamic";

/** Server-sent events: job and sweep changes, resumable with Last-Event-ID (lib/events/README.md). */
export const GET = handleRoute(async (req: Request) => jobEventStream(req));
