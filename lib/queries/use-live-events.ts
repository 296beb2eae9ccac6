"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * One live stream per tab (mounted once, in app/providers.tsx): job and sweep events update the
 * query caches (use-live-events-connection.ts). Its code loads after first paint; until it is
 * connected, and whenever it drops, job cards poll as before.
 */
export function useLiveEvents(client: QueryClient): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("./use-live-events-connection").then(({ connectLiveEvents }) => {
      if (!cancelled) stop = connectLiveEvents(client);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [client]);
}
