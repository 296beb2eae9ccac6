import "server-only";
import type { Metadata } from "next";
import { publicOrigin } from "@/lib/http/public-origin";
import { joinNames } from "@/lib/shares/model-names";
import type { PublicShare } from "@/lib/shares/share-service";

const NOINDEX = { index: false, follow: false } as const;

const imageCount = (n: number) => `${n} image${n === 1 ? "" : "s"}`;

/** What a share holds and which models made it: "3 images · made with FLUX.2 [klein] 4B and Amazon Nova Canvas". */
export function shareSummary(share: Pick<PublicShare, "images" | "models">): string {
  const count = imageCount(share.images.length);
  return share.models.length ? `${count} · made with ${joinNames(share.models)}` : count;
}

/** Title, description, Open Graph and Twitter card of a share page; noindex unless allowed. */
export async function shareMetadata(share: PublicShare | null, suffix = ""): Promise<Metadata> {
  if (!share) return { title: "Shared gallery not available", robots: NOINDEX };
  const origin = publicOrigin();
  const title = `${share.title}${suffix}`;
  const made = share.models.length ? ` made with ${joinNames(share.models)}` : "";
  const description = share.description || `${imageCount(share.images.length)}${made}.`;
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
