import "server-only";
import type { ShutdownStep } from "@/lib/lifecycle/shutdown";
import type { RunQueue } from "./run-queue";
import type { JobTracker } from "./tracker";

/**
 * What the runtime lets go of when the process stops (lib/lifecycle/shutdown.ts runs the phases):
 * - stop: the queue sends nothing more and the tracker claims nothing more; a pass in progress
 *   may finish within the phase (a submit in flight gets its answer, so the run is not left
 *   `submitting` with an unknown outcome);
 * - release: the leases the tracker still holds (a poll that did not finish in time) are handed
 *   back, so another instance, or this one restarted, takes those jobs at once;
 * - disconnect: the event bus (and its transport between instances).
 */
export interface JobShutdownParts {
  queue: Pick<RunQueue, "stop">;
  tracker: Pick<JobTracker, "stop" | "releaseLeases">;
  events: { close(): unknown };
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
}

export function jobShutdownSteps({ queue, tracker, events, log }: JobShutdownParts): ShutdownStep[] {
  return [
    { name: "run queue stops sending", phase: "stop", run: () => queue.stop() },
    { name: "tracker stops claiming", phase: "stop", run: () => tracker.stop() },
    {
      name: "tracker hands back its leases",
      phase: "release",
      run: async () => {
        const ids = await tracker.releaseLeases();
        if (ids.length > 0) log?.("info", "tracker.leases_released", { count: ids.length, jobIds: ids });
      },
    },
    // Awaited in case the bus's close is asynchronous (a transport with a connection of its own).
    { name: "event bus closes", phase: "disconnect", run: () => events.close() },
  ];
}
