"use client";
/**
 * Every share with its link, status and views: edit the title and what visitors see, revoke
 * (final: the page and every image URL stop at once) or delete.
 */
import Link from "next/link";
import { useState } from "react";
import { CopyLink } from "@/components/share/copy-link";
import { Alert } from "@/components/ui/alert";
import type { ApiShare } from "@/lib/api-types";
import { describeError } from "@/lib/queries/api";
import { formatDateTime } from "@/lib/display/format";
import { shareApi, useShareMutation, useShares } from "@/lib/queries/share-api";

const button = "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-neutral-100 disabled:text-neutral-400";
const STATUS_STYLE = { active: "bg-green-100 text-green-800", revoked: "bg-red-100 text-red-800", expired: "bg-neutral-200 text-neutral-700" };

export function SharesList() {
  const { data, error, isPending } = useShares();
  if (isPending) return <p className="text-sm text-neutral-500">Loading shares…</p>;
  if (error) return <Alert tone="error">Could not load the shares: {describeError(error)}</Alert>;
  if (data.items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center text-neutral-600">
        <p>Nothing shared yet.</p>
        <p className="mt-1 text-sm">
          Select images in the{" "}
          <Link href="/gallery" className="font-medium text-blue-700 underline">
            gallery
          </Link>{" "}
          and press Share….
        </p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col gap-4" aria-label="Shares">
      {data.items.map((s) => (
        <ShareRow key={s.id} share={s} />
      ))}
    </ul>
  );
}

function ShareRow({ share }: { share: ApiShare }) {
  const [title, setTitle] = useState(share.title);
  const update = useShareMutation((patch: Parameters<typeof shareApi.update>[1]) => shareApi.update(share.id, patch));
  const revoke = useShareMutation(() => shareApi.revoke(share.id));
  const remove = useShareMutation(() => shareApi.remove(share.id));
  const failure = update.error ?? revoke.error ?? remove.error;
  const active = share.status === "active";
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm" data-testid="share-row" aria-label={share.title}>
      <div className="flex flex-wrap items-center gap-2">
        <form
          className="flex min-w-0 flex-1 items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ title });
          }}
        >
          <input value={title} onChange={(e) => setTitle(e.target.value)} aria-label="Title" className="min-w-0 flex-1 rounded-md border border-neutral-300 px-2 py-1 font-medium" />
          {title !== share.title && (
            <button type="submit" className={button} disabled={update.isPending}>
              Save title
            </button>
          )}
        </form>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[share.status]}`} data-testid="share-status">
          {share.status}
        </span>
      </div>
      <p className="text-sm text-neutral-600">
        {share.imageCount} image{share.imageCount === 1 ? "" : "s"} · {share.viewCount} view{share.viewCount === 1 ? "" : "s"} · created {formatDateTime(share.createdAt)} ·{" "}
        {share.revokedAt ? `revoked ${formatDateTime(share.revokedAt)}` : share.expiresAt ? `${share.status === "expired" ? "expired" : "expires"} ${formatDateTime(share.expiresAt)}` : "never expires"}
      </p>
      {active && share.path && <CopyLink path={share.path} />}
      {active && !share.path && <p className="text-sm text-amber-800">This link was made by another server folder and cannot be shown here; it still works where it was shared.</p>}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={share.showPrompts} disabled={!active || update.isPending} onChange={(e) => update.mutate({ showPrompts: e.target.checked })} />
          Show prompts
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={share.showParams} disabled={!active || update.isPending} onChange={(e) => update.mutate({ showParams: e.target.checked })} />
          Show parameters
        </label>
        <span className="flex-1" />
        {active && (
          <button
            type="button"
            className={`${button} border-red-300 text-red-800`}
            disabled={revoke.isPending}
            onClick={() => window.confirm(`Revoke "${share.title}"? The link and its images stop working at once, for everyone.`) && revoke.mutate(undefined)}
          >
            Revoke
          </button>
        )}
        <button
          type="button"
          className={button}
          disabled={remove.isPending}
          onClick={() => window.confirm(`Delete "${share.title}" from this list?${active ? " Its link stops working." : ""} The images stay in your gallery.`) && remove.mutate(undefined)}
        >
          Delete
        </button>
      </div>
      {failure && <Alert tone="error">{describeError(failure)}</Alert>}
    </li>
  );
}
