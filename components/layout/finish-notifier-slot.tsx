"use client";

import { lazyClient } from "@/components/ui/lazy-client";

/**
 * Tells about long runs that finish while the tab is hidden (lib/notify): on every app page,
 * loaded after the first paint (nothing of it is needed to show a page).
 */
export const FinishNotifierSlot = lazyClient(() => import("@/lib/notify/use-finish-notifier").then((m) => m.FinishNotifier));
