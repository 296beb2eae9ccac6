"use client";

import { useEffect, useReducer } from "react";
import { useMounted } from "@/components/ui/lazy-client";
import { notificationPermission, requestNotificationPermission, useNotifyPrefs } from "@/lib/notify/notify-prefs";

const PERMISSION_NOTE: Record<string, string> = {
  denied: "This browser blocks notifications from this site: allow them in its site settings to get them.",
  unsupported: "This browser cannot show notifications; the tab's title still counts finished runs.",
  default: "The browser asks for permission on your next run (or now, when you turn this on).",
};

/**
 * Settings: a system notification when a run that took over 10 s finishes while this tab is
 * hidden. A preference of this browser (localStorage); turning it on asks the browser's
 * permission when it has not been given or refused yet.
 */
export function NotifySetting() {
  const enabled = useNotifyPrefs((s) => s.enabled);
  const setEnabled = useNotifyPrefs((s) => s.setEnabled);
  const mounted = useMounted();
  // The permission lives in the browser: render again once it answers.
  const [, permissionChanged] = useReducer((n: number) => n + 1, 0);
  const permission = mounted ? notificationPermission() : null;
  useEffect(() => {
    void useNotifyPrefs.persist.rehydrate();
  }, []);

  const onChange = (on: boolean) => {
    setEnabled(on);
    if (on && permission === "default") void requestNotificationPermission().then(permissionChanged);
  };

  return (
    <section aria-labelledby="notify-heading" className="flex flex-col gap-3">
      <h2 id="notify-heading" className="text-base font-semibold">
        Notifications
      </h2>
      <label className="flex max-w-2xl items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby="notify-help"
          className="mt-0.5 size-4 accent-blue-600"
        />
        <span>Notify me when a long run finishes while this tab is hidden</span>
      </label>
      <p id="notify-help" className="max-w-2xl text-sm text-neutral-600">
        A run that took over 10 s and ended while you were in another tab or window shows a system notification; clicking it
        brings this tab back. The tab&apos;s title counts such runs, “(2) …”, until you look. Saved in this browser only.
      </p>
      {enabled && permission && permission !== "granted" && (
        <p data-testid="notify-permission" className="max-w-2xl text-xs text-neutral-500">
          {PERMISSION_NOTE[permission]}
        </p>
      )}
    </section>
  );
}
