import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { OfflineBanner } from "@/components/layout/offline-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { getUpstreamMode } from "@/lib/upstream/mode";

// The banner depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

/** The owner's pages (playground, gallery, shares): header, offline banner, query client. */
export default function AppLayout({ children }: { children: ReactNode }) {
  const offline = getUpstreamMode() === "offline";
  return (
    <>
      <SiteHeader />
      {offline && <OfflineBanner />}
      <Providers>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </Providers>
    </>
  );
}
