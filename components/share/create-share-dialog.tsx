"use client";
/**
 * "Share…" from the gallery: title, description, what visitors may see, expiry. The same schema
 * as the API checks it first, so the messages are the API's; after creation the link is shown
 * with a copy button.
 */
import { useState } from "react";
import { CopyLink } from "@/components/share/copy-link";
import { FormField } from "@/components/ui/form-field";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { ApiShare } from "@/lib/api-types";
import { describeError, isApiRequestError } from "@/lib/queries/api";
import { shareApi, useShareMutation } from "@/lib/queries/share-api";
import { createShareSchema, EXPIRY_LABELS, SHARE_EXPIRIES, shareFieldErrors, type ShareExpiry } from "@/lib/shares/share-schema";

const input = "w-full rounded-md border border-neutral-300 px-3 py-2 text-sm aria-invalid:border-red-600";

export function CreateShareDialog({
  imageIds,
  sweepId,
  onClose,
  onCreated,
  defaultTitle = "",
  note,
}: {
  /** The images to share; or, instead, */
  imageIds?: readonly string[];
  /** a sweep, shared as its grid with its axes. */
  sweepId?: string;
  onClose(): void;
  onCreated(): void;
  /** Sharing a filtered view starts from a title that says what the view is. */
  defaultTitle?: string;
  /** Where the images come from, e.g. "Every image in this view". */
  note?: string;
}) {
  const { ref, onBackdropClick, close } = useModalDialog();
  const [title, setTitle] = useState(defaultTitle);
  const [description, setDescription] = useState("");
  const [showPrompts, setShowPrompts] = useState(false);
  const [showParams, setShowParams] = useState(false);
  const [expiry, setExpiry] = useState<ShareExpiry>("7d");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<ApiShare | null>(null);
  const create = useShareMutation(shareApi.create);

  const submit = async () => {
    const what = sweepId ? { sweepId } : { imageIds: [...(imageIds ?? [])] };
    const body = { ...what, title, description, showPrompts, showParams, expiry };
    const checked = createShareSchema.safeParse(body);
    if (!checked.success) {
      setErrors(Object.fromEntries(shareFieldErrors(checked.error).map((f) => [f.field, f.message])));
      return;
    }
    setErrors({});
    try {
      const share = await create.mutateAsync(checked.data);
      setCreated(share);
      onCreated();
    } catch (e) {
      if (isApiRequestError(e) && e.fields.length > 0) setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
    }
  };

  return (
    <dialog ref={ref} onClose={onClose} onClick={onBackdropClick} aria-labelledby="share-title" className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/40">
      <div className="flex flex-col gap-4 p-5">
        <h2 id="share-title" className="text-lg font-semibold">
          {created ? "Shared" : sweepId ? "Share this sweep" : `Share ${imageIds?.length ?? 0} image${imageIds?.length === 1 ? "" : "s"}`}
        </h2>
        {note && !created && <p className="text-sm text-neutral-700">{note}</p>}
        {created ? (
          <>
            <p className="text-sm text-neutral-700">Anyone with this link can see the images{created.showPrompts ? " and their prompts" : ""}. You can revoke it at any time on the Shares page.</p>
            {created.path && <CopyLink path={created.path} />}
            <div className="flex justify-end">
              <button type="button" onClick={close} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white">
                Done
              </button>
            </div>
          </>
        ) : (
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            noValidate
          >
            <FormField id="share-title-field" label="Title" error={errors.title}>
              {(a11y) => <input {...a11y} className={input} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus maxLength={200} />}
            </FormField>
            <FormField id="share-description" label="Description (optional)" error={errors.description}>
              {(a11y) => <textarea {...a11y} className={input} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
            </FormField>
            <fieldset className="flex flex-col gap-1 text-sm">
              <legend className="mb-1 font-medium text-neutral-800">Visitors see</legend>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={showPrompts} onChange={(e) => setShowPrompts(e.target.checked)} /> Prompts
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={showParams} onChange={(e) => setShowParams(e.target.checked)} /> Parameters (seed, size, quality…)
              </label>
              <p className="text-xs text-neutral-600">Never the cost, and never any image you did not select.</p>
            </fieldset>
            <FormField id="share-expiry" label="Link expires" error={errors.expiry}>
              {(a11y) => (
                <select {...a11y} className={input} value={expiry} onChange={(e) => setExpiry(e.target.value as ShareExpiry)}>
                  {SHARE_EXPIRIES.map((x) => (
                    <option key={x} value={x}>
                      {x === "never" ? "Never" : `After ${EXPIRY_LABELS[x]}`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {errors.imageIds && <p className="text-sm text-red-700">{errors.imageIds}</p>}
            {errors.sweepId && <p className="text-sm text-red-700">{errors.sweepId}</p>}
            {create.error && !isApiRequestError(create.error) && <p className="text-sm text-red-700">{describeError(create.error)}</p>}
            {create.error && isApiRequestError(create.error) && create.error.fields.length === 0 && <p className="text-sm text-red-700">{describeError(create.error)}</p>}
            <div className="flex justify-end gap-2">
              <button type="button" onClick={close} className="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium">
                Cancel
              </button>
              <button type="submit" disabled={create.isPending} className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white disabled:bg-neutral-400">
                {create.isPending ? "Creating…" : "Create link"}
              </button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
