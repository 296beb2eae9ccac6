"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

const noSubscribe = () => () => {};

/** False on the server and during hydration, true once mounted in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

/**
 * A component whose code loads only when it first renders in the browser (never on the server):
 * React.lazy behind a mounted gate. Lighter than next/dynamic, whose runtime would otherwise be
 * part of the page's first load.
 */
export function lazyClient<P extends object>(
  load: () => Promise<ComponentType<P>>,
  /** What stands in while loading; a function of the props can reserve the final size. */
  fallback: ReactNode | ((props: P) => ReactNode) = null,
) {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyClient(props: P) {
    const mounted = useMounted();
    const standIn = typeof fallback === "function" ? fallback(props) : fallback;
    if (!mounted) return <>{standIn}</>;
    return (
      <Suspense fallback={standIn}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyClient;
}
