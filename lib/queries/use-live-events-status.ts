"use client";
/**
 * Whether this tab's live stream (GET /api/events) is connected. While it is, job cards do not
 * poll (useJob): the stream brings every change. Kept apart from the stream's code, which loads
 * after first paint (use-live-events.ts), so reading the flag costs the first load nothing.
 */
import { create } from "zustand";

export const useLiveEventsStatus = create<{ connected: boolean }>(() => ({ connected: false }));

export function setLiveEventsConnected(connected: boolean): void {
  if (useLiveEventsStatus.getState().connected !== connected) useLiveEventsStatus.setState({ connected });
  // For tests and benches, which wait for the stream before they count requests.
  document.documentElement.dataset.liveEvents = connected ? "connected" : "down";
}
