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
 * a new EventSource is opened after a growing delay, resuming from the last event seen
 * (`?lastEventId=`: a new EventSource cannot send the header), or reading everything again when
 * none was seen. The "connected" flag switches job polling off and on (useJob).
 *
 * A tab hidden for a minute closes its stream (job cards poll meanwhile) and resumes it when
 * shown: browsers allow six HTTP/1.1 connections per host, and a stream per forgotten tab would
 * soon take them all, stalling every other request of the app.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { ApiEvent, ApiJob } from "@/lib/api-types";
import { cacheStreamedJob, refreshAfterRunsEnded } from "@/lib/queries/job-cache";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";
import { setLiveEventsConnected } from "@/lib/queries/use-live-events-status";

export const EVENTS_URL = "/api/events";
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;
const HIDDEN_CLOSE_MS = 60_000;

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
        // The sweeps list counts its cells by status.
        if (event.job.sweepId && isTerminal(event.job.status)) void client.invalidateQueries({ queryKey: queryKeys.sweeps.all, exact: true });
        return;
      case "sweep":
        void client.invalidateQueries({ queryKey: queryKeys.sweeps.detail(event.sweepId) });
        void client.invalidateQueries({ queryKey: queryKeys.sweeps.all, exact: true });
        return;
      case "reset":
        readEverythingAgain();
        return;
    }
  };

  /**
   * The first stream of the page: what was read before it subscribed may have changed in between
   * (a run read as processing that ended just before), and no event will say so. Whatever was
   * unfinished is read once more, now that every later change comes as an event.
   */
  const readUnfinishedAgain = () => {
    void client.invalidateQueries({
      predicate: (q) => {
        const [head, kind] = q.queryKey;
        if (head === queryKeys.sweeps.all[0]) return q.queryKey.length === 2;
        if (head !== queryKeys.jobs.all[0] || kind !== "detail") return false;
        return !isTerminal((q.state.data as { status?: ApiJob["status"] } | undefined)?.status);
      },
    });
  };

  let lastId = "";
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    clearTimeout(retry);
    const resume = opens > 0 && lastId !== "";
    const es = new EventSource(resume ? `${EVENTS_URL}?lastEventId=${encodeURIComponent(lastId)}` : EVENTS_URL);
    source = es;
    let opened = false;
    es.onopen = () => {
      setLiveEventsConnected(true);
      delay = FIRST_RETRY_MS;
      // A new EventSource that cannot resume: what happened meanwhile is unknown.
      if (!opened && opens > 0 && !resume) readEverythingAgain();
      else if (!opened && opens === 0) readUnfinishedAgain();
      if (!opened) opens += 1;
      opened = true;
    };
    es.onmessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastId = message.lastEventId;
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

  const close = () => {
    clearTimeout(retry);
    source?.close();
    source = undefined;
    setLiveEventsConnected(false);
  };

  const onVisibility = () => {
    clearTimeout(hiddenTimer);
    if (document.visibilityState === "hidden") hiddenTimer = setTimeout(close, HIDDEN_CLOSE_MS);
    else if (!source && !stopped) open();
  };

  open();
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    stopped = true;
    clearTimeout(hiddenTimer);
    document.removeEventListener("visibilitychange", onVisibility);
    close();
  };
}
