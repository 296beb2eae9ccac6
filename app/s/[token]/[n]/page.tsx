import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedParams } from "@/components/share/shared-params";
import { openShare } from "@/lib/shares/share-service";
import { shareMetadata } from "@/lib/shares/share-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token, n } = await params;
  return shareMetadata(await openShare(token), ` · ${n}`);
}

const link = "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100";

/** One image of a share, large, with previous/next links (no JavaScript needed). */
export default async function SharedImagePage({ params }: Props) {
  const { token, n: raw } = await params;
  const share = await openShare(token);
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  const img = share?.images.find((i) => i.n === n);
  if (!share || !img) notFound();
  const total = share.images.length;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6">
      <nav aria-label="Shared gallery" className="flex flex-wrap items-center gap-2">
        <a href={`/s/${token}`} className={link}>
          ← {share.title}
        </a>
        <span className="text-sm text-neutral-600">
          {n} of {total}
        </span>
        <span className="flex-1" />
        {n > 1 && (
          <a href={`/s/${token}/${n - 1}`} rel="prev" className={link}>
            Previous
          </a>
        )}
        {n < total && (
          <a href={`/s/${token}/${n + 1}`} rel="next" className={link}>
            Next
          </a>
        )}
        <a href={`/s/${token}/i/${n}?download`} className={link}>
          Download
        </a>
      </nav>
      {/* eslint-disable-next-line @next/next/no-img-element -- share-scoped URL */}
      <img src={`/s/${token}/i/${n}`} alt={img.prompt ?? `Image ${n} of ${total}`} width={img.width} height={img.height} className="mx-auto h-auto max-h-[80vh] w-auto max-w-full rounded-md border border-neutral-200" />
      <p className="text-sm text-neutral-500" data-testid="share-image-model">
        Made with {img.model}
      </p>
      {img.prompt && <p className="text-neutral-800">{img.prompt}</p>}
      {img.params && <SharedParams params={img.params} />}
    </main>
  );
}
