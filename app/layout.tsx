import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Nova Canvas Playground",
  description: "Try Amazon Nova Canvas prompts and parameters, see each result and what it cost.",
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts),
// which a page prerendered at build time could not.
export const dynamic = "force-dynamic";

/**
 * The document shell only. The owner's pages get their header and data layer from
 * app/(app)/layout.tsx; shared galleries (app/s) are public pages with none of that.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
