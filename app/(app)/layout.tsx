import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { OfflineBanner } from "@/components/layout/offline-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { hasLiveSession } from "@/lib/auth/session-store";
import { accessPassword } from "@/lib/auth/session";
import { getUpstreamMode } from "@/lib/upstream/mode";

// The banner depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

/**
 * The owner's pages (playground, gallery, shares, settings): header, offline banner, query
 * client. With a password, proxy.ts has checked the cookie's signature; here the session must
 * also still exist (not signed out, here or "everywhere").
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  if (accessPassword() && !(await hasLiveSession((await headers()).get("cookie")))) redirect("/sign-in?expired=1");
  const offline = getUpstreamMode() === "offline";
  return (
    <>
      <SiteHeader />
      <Providers>
        {/* Inside the providers: the banner names the chosen model (GET /api/models). */}
        {offline && <OfflineBanner />}
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </Providers>
    </>
  );
}
