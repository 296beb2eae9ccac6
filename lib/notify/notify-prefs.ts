"use client";
/**
 * Whether to show a system notification when a long run finishes while the tab is hidden: a
 * preference of this browser (localStorage), like the form's draft. The title's count needs no
 * permission and is always on.
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

interface NotifyPrefs {
  enabled: boolean;
  /** The permission was asked on a Run already: not again on every run (the Settings toggle can). */
  asked: boolean;
  setEnabled: (enabled: boolean) => void;
  markAsked: () => void;
}

export const useNotifyPrefs = create<NotifyPrefs>()(
  persist(
    (set) => ({
      enabled: true,
      asked: false,
      setEnabled: (enabled) => set({ enabled }),
      markAsked: () => set({ asked: true }),
    }),
    {
      name: "nova-canvas.notify",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ enabled: s.enabled, asked: s.asked }),
      // Server renders know no localStorage: read it after mount (readNotifyPrefs), never during hydration.
      skipHydration: true,
    },
  ),
);

/** The saved preferences; the first call reads localStorage (synchronously: it is a sync storage). */
export function readNotifyPrefs(): NotifyPrefs {
  if (!useNotifyPrefs.persist.hasHydrated()) void useNotifyPrefs.persist.rehydrate();
  return useNotifyPrefs.getState();
}

/** The browser's answer so far; "unsupported" where there is no Notification API. */
export function notificationPermission(): NotificationPermission | "unsupported" {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/** Asks for the permission (only ever from a click or key press: browsers ignore other asks). */
export function requestNotificationPermission(): Promise<unknown> {
  // Older Safari takes a callback and returns nothing.
  return Promise.resolve(Notification.requestPermission()).catch(() => undefined);
}

/**
 * On Run: the first run while notifications are on and the browser has not been asked yet asks
 * for the permission, never a page load (a prompt nobody asked for is usually refused). Asked
 * once per browser: dismissing it is an answer too; the Settings toggle can ask again.
 */
export function askPermissionOnRun(): void {
  if (notificationPermission() !== "default") return;
  const prefs = readNotifyPrefs();
  if (!prefs.enabled || prefs.asked) return;
  prefs.markAsked();
  void requestNotificationPermission();
}
