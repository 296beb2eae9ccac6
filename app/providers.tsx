"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { useLiveEvents } from "@/lib/queries/use-live-events";

// The pages' CSP allows no eval (lib/http/security-headers.ts); zod would otherwise probe for it
// with `new Function` (a CSP violation in the console) to compile faster validators.
z.config({ jitless: true });

/**
 * One QueryClient per browser tab (created lazily so server renders never share one), and the
 * tab's one live stream of job events, which keeps that client's job caches current.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, refetchOnWindowFocus: false },
        },
      }),
  );
  useLiveEvents(client);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
