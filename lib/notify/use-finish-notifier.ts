"use client";
/**
 * Being told that a long run finished while the tab was hidden: a count in the tab's title until
 * the tab is seen again, and a system notification (when allowed and not turned off in
 * Settings) whose click brings the tab to the front. It watches the query cache, not a fetch:
 * every job detail entry (queryKeys.jobs.detail) that turns terminal, whichever way the update
 * came (a card's polling or the live event stream). Mounted once per page (app/(app)/layout.tsx),
 * loaded after the first paint.
 */
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ApiJob, JobStatus } from "@/lib/api-types";
import { finishedRunItem } from "@/lib/notify/finished-item";
import { NOTHING_UNSEEN, notificationText, reduceUnseen, titleWithCount, type FinishEvent } from "@/lib/notify/finished-while-hidden";
import { notificationPermission, readNotifyPrefs } from "@/lib/notify/notify-prefs";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";

const DETAIL = queryKeys.jobs.detail("");
/** One notification at a time: each one replaces the last (and sums up what is unseen). */
const TAG = "nova-canvas-finished";

function isJobDetail(key: readonly unknown[]): boolean {
  return key.length === DETAIL.length && key[0] === DETAIL[0] && key[1] === DETAIL[1];
}

function notify(title: string, body: string): Notification | null {
  if (!readNotifyPrefs().enabled || notificationPermission() !== "granted") return null;
  try {
    const n = new Notification(title, { body, tag: TAG, icon: "/icon.svg" });
    n.onclick = () => {
      window.focus();
      n.close();
    };
    return n;
  } catch {
    // Chrome on Android shows notifications only through a service worker: the title still counts.
    return null;
  }
}

export function useFinishNotifier(): void {
  const client = useQueryClient();
  useEffect(() => {
    const cache = client.getQueryCache();
    const statuses = new Map<string, JobStatus>();
    let unseen = NOTHING_UNSEEN;
    let shown: Notification | null = null;

    const dispatch = (event: FinishEvent) => {
      const next = reduceUnseen(unseen, event);
      if (next === unseen) return;
      const grew = next.items.length > unseen.items.length;
      unseen = next;
      document.title = titleWithCount(document.title, unseen.items.length);
      shown?.close();
      shown = null;
      if (grew) {
        const { title, body } = notificationText(unseen.items);
        shown = notify(title, body);
      }
    };

    // A run counts when it is seen going from unfinished to finished; one first seen finished
    // (loaded with the page) ended before anyone could be waiting for it here.
    const watch = (query: Query) => {
      if (!isJobDetail(query.queryKey)) return;
      const job = query.state.data as ApiJob | undefined;
      if (!job) return;
      const before = statuses.get(job.id);
      statuses.set(job.id, job.status);
      if (before === undefined || isTerminal(before) || !isTerminal(job.status)) return;
      const item = finishedRunItem(job);
      if (item) dispatch({ type: "finished", item, hidden: document.visibilityState === "hidden" });
    };

    for (const query of cache.getAll()) watch(query);
    const unsubscribe = cache.subscribe((event) => {
      if (event.type === "added" || event.type === "updated") watch(event.query);
    });
    const onVisibility = () => {
      if (document.visibilityState === "visible") dispatch({ type: "seen" });
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      unsubscribe();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [client]);
}

/** The hook as a component that renders nothing, for the layout to mount (lazily). */
export function FinishNotifier(): null {
  useFinishNotifier();
  return null;
}
