import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { OfflineBanner } from "@/components/layout/offline-banner";
import { SiteHeader } from "@/components/layout/site-header";
import { getUpstreamMode } from "@/lib/upstream/mode";
import "./globals.css";

export const metadata: Metadata = {
  title: "Nova Canvas Playground",
  description: "Try Amazon Nova Canvas prompts and parameters, see each result and what it cost.",
};

// The banner depends on the server's environment at request time, not at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  const offline = getUpstreamMode() === "offline";
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SiteHeader />
        {offline && <OfflineBanner />}
        <Providers>
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
