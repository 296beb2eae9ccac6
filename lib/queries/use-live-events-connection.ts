"use client";
/**
 * The tab's EventSource on GET /api/events and what each event does to the query caches:
 * - `job`: the run's detail entry and the recent list (job-cache.ts), so its card, the gallery's
 *   "in flight" list and a sweep's grid (all reading those entries) show it; a run seen ending
 *   refreshes the gallery, spend and budget;
 * - `sweep`: the sweep's query is read again;
 * - `reset` (the server no longer has what this tab missed): every job, sweep, gallery, spend
 *   and budget query is read again.
 * The browser reconnects by itself, sending Last-Event-ID, and the server replays what was
 * missed (or says reset). When the browser gives up (an error status, e.g. after signing out),
 * a new EventSource is opened after a growing delay; it has no Last-Event-ID, so its first open
 * reads everything again. The "connected" flag switches job polling off and on (useJob).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { ApiEvent } from "@/lib/api-types";
import { cacheStreamedJob, refreshAfterRunsEnded } from "@/lib/queries/job-cache";
import { queryKeys } from "@/lib/queries/query-keys";
import { setLiveEventsConnected } from "@/lib/queries/use-live-events-status";

export const EVENTS_URL = "/api/events";
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export function connectLiveEvents(client: QueryClient): () => void {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let stopped = false;
  let ended = false;
  let opens = 0;

  // Many runs can end in one replay: one refresh for all of them, after the batch.
  const refreshSoon = () => {
    if (ended) return;
    ended = true;
    queueMicrotask(() => {
      ended = false;
      refreshAfterRunsEnded(client);
    });
  };

  const readEverythingAgain = () => {
    void client.invalidateQueries({ queryKey: queryKeys.jobs.all });
    void client.invalidateQueries({ queryKey: queryKeys.sweeps.all });
    refreshAfterRunsEnded(client);
  };

  const onEvent = (event: ApiEvent) => {
    switch (event.type) {
      case "job":
        if (cacheStreamedJob(client, event.job)) refreshSoon();
        return;
      case "sweep":
        void client.invalidateQueries({ queryKey: queryKeys.sweeps.detail(event.sweepId) });
        return;
      case "reset":
        readEverythingAgain();
        return;
    }
  };

  const open = () => {
    const es = new EventSource(EVENTS_URL);
    source = es;
    let opened = false;
    es.onopen = () => {
      setLiveEventsConnected(true);
      delay = FIRST_RETRY_MS;
      // A new EventSource after the last one gave up cannot resume: what happened meanwhile is unknown.
      if (!opened && opens > 0) readEverythingAgain();
      if (!opened) opens += 1;
      opened = true;
    };
    es.onmessage = (message: MessageEvent<string>) => {
      let event: ApiEvent;
      try {
        event = JSON.parse(message.data) as ApiEvent;
      } catch {
        return;
      }
      onEvent(event);
    };
    es.onerror = () => {
      setLiveEventsConnected(false);
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up.
      if (es.readyState !== EventSource.CLOSED || stopped) return;
      retry = setTimeout(open, delay);
      delay = Math.min(MAX_RETRY_MS, delay * 2);
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
    setLiveEventsConnected(false);
  };
}
