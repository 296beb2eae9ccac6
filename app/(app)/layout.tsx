import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { FinishNotifierSlot } from "@/components/layout/finish-notifier-slot";
import { OfflineBanner } from "@/components/layout/offline-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { hasLiveSession } from "@/lib/auth/session-store";
import { accessPassword } from "@/lib/auth/session";
import { getUpstreamMode } from "@/lib/upstream/mode";

// The banner depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

// The page reaches the screen's edges, so the playground's Run bar (fixed at the bottom on
// phones) can keep clear of the home indicator with env(safe-area-inset-bottom).
export const viewport: Viewport = { viewportFit: "cover" };

/**
 * The owner's pages (playground, gallery, shares, settings): header, offline banner, query
 * client, and the notifier that tells about long runs finished while the tab was hidden. With a
 * password, proxy.ts has checked the cookie's signature; here the session must also still exist
 * (not signed out, here or "everywhere"). The shell's class lets the playground's workspace take
 * exactly the viewport's height on wide screens (app/globals.css).
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  if (accessPassword() && !(await hasLiveSession((await headers()).get("cookie")))) redirect("/sign-in?expired=1");
  const offline = getUpstreamMode() === "offline";
  return (
    <div className="app-shell">
      <SiteHeader />
      <Providers>
        {/* Inside the providers: the banner names the chosen model (GET /api/models). */}
        {offline && <OfflineBanner />}
        <main className="mx-auto w-full max-w-7xl px-4 py-6">{children}</main>
        <FinishNotifierSlot />
      </Providers>
    </div>
  );
}
