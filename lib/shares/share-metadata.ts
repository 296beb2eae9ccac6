import "server-only";
import type { Metadata } from "next";
import { publicOrigin } from "@/lib/http/public-origin";
import type { PublicShare } from "@/lib/shares/share-service";

const NOINDEX = { index: false, follow: false } as const;

/** Title, description, Open Graph and Twitter card of a share page; noindex unless allowed. */
export async function shareMetadata(share: PublicShare | null, suffix = ""): Promise<Metadata> {
  if (!share) return { title: "Shared gallery not available", robots: NOINDEX };
  const origin = publicOrigin();
  const count = share.images.length;
  const title = `${share.title}${suffix}`;
  const description = share.description || `${count} image${count === 1 ? "" : "s"} made with Amazon Nova Canvas.`;
  const image = { url: `${origin}/s/${share.token}/preview.png`, width: 1200, height: 630, alt: share.title };
  return {
    title,
    description,
    robots: share.allowIndexing ? undefined : NOINDEX,
    referrer: "no-referrer",
    openGraph: { type: "website", title, description, url: `${origin}/s/${share.token}`, siteName: "Nova Canvas Playground", images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}
