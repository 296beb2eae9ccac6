import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedGrid } from "@/components/share/shared-grid";
import { SharedParams } from "@/components/share/shared-params";
import { openShare } from "@/lib/shares/share-service";
import { shareMetadata, shareSummary } from "@/lib/shares/share-metadata";
import { TASK_LABELS } from "@/lib/models/task-labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return shareMetadata(await openShare((await params).token));
}

/**
 * A shared gallery: server-rendered, works without JavaScript (every image links to its large
 * view page). Shows only what the owner allowed: never cost, ids, or other images.
 */
export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const share = await openShare(token, { countView: true });
  if (!share) notFound();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-6">
        <h1 className="text-2xl font-semibold">{share.title}</h1>
        {share.description && <p className="mt-2 max-w-3xl whitespace-pre-line text-neutral-700">{share.description}</p>}
        <p className="mt-1 text-sm text-neutral-500" data-testid="share-summary">
          {shareSummary(share)}
        </p>
      </header>
      {share.grid ? (
        <SharedGrid token={token} grid={share.grid} images={share.images} />
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="share-grid">
          {share.images.map((img) => (
            <li key={img.n} className="flex flex-col gap-2">
              <a href={`/s/${token}/${img.n}`} className="block overflow-hidden rounded-md border border-neutral-200 bg-neutral-100 focus-visible:outline-2 focus-visible:outline-blue-600">
                {/* eslint-disable-next-line @next/next/no-img-element -- share-scoped URLs, no optimiser in front of them */}
                <img
                  src={`/s/${token}/t/${img.n}`}
                  alt={img.prompt ?? `Image ${img.n} of ${share.images.length}`}
                  width={img.width}
                  height={img.height}
                  loading={img.n > 8 ? "lazy" : "eager"}
                  className="aspect-square h-auto w-full object-cover"
                />
              </a>
              <p className="text-xs text-neutral-500">{TASK_LABELS[img.taskType as keyof typeof TASK_LABELS]?.label ?? img.taskType} · {img.model} · {img.width}×{img.height}</p>
              {img.prompt && <p className="line-clamp-3 text-sm text-neutral-800">{img.prompt}</p>}
              {img.params && <SharedParams params={img.params} compact />}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
