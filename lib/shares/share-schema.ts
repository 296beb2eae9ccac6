/**
 * What a share is made of, as the API and the share form both validate it (browser-safe). The
 * messages name the field and the limit, like the generation form's.
 */
import { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/field-errors";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { refineStorableText } from "@/lib/text/storable-text";

export const SHARE_EXPIRIES = ["never", "1d", "7d", "30d"] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];
export const EXPIRY_LABELS: Record<ShareExpiry, string> = { never: "Never", "1d": "1 day", "7d": "7 days", "30d": "30 days" };

export const SHARE_LIMITS = { titleMax: 120, descriptionMax: 2000, imagesMax: BULK_MAX_IMAGES } as const;

// The storable-text check runs before trimming, so its position counts from what was sent.
const title = z
  .string({ error: "title must be text" })
  .superRefine(refineStorableText("title"))
  .trim()
  .min(1, "title must not be empty")
  .max(SHARE_LIMITS.titleMax, `title must be at most ${SHARE_LIMITS.titleMax} characters`);
const description = z
  .string({ error: "description must be text" })
  .superRefine(refineStorableText("description"))
  .max(SHARE_LIMITS.descriptionMax, `description must be at most ${SHARE_LIMITS.descriptionMax} characters`);
const flag = (name: string) => z.boolean({ error: `${name} must be true or false` });

export const createShareSchema = z
  .object({
    imageIds: z
      .array(z.uuid({ error: "imageIds must hold image ids" }), { error: "imageIds must be a list of image ids" })
      .min(1, "imageIds must name at least 1 image")
      .max(SHARE_LIMITS.imagesMax, `imageIds must name at most ${SHARE_LIMITS.imagesMax} images`)
      .optional(),
    /** Instead of imageIds: a sweep, shared as its grid (the images of its cells, with its axes). */
    sweepId: z.uuid({ error: "sweepId must be a sweep id" }).optional(),
    title,
    description: description.default(""),
    showPrompts: flag("showPrompts").default(false),
    showParams: flag("showParams").default(false),
    allowIndexing: flag("allowIndexing").default(false),
    expiry: z.enum(SHARE_EXPIRIES, { error: `expiry must be one of ${SHARE_EXPIRIES.join(", ")}` }).default("7d"),
  })
  .strict()
  .refine((v) => (v.imageIds === undefined) !== (v.sweepId === undefined), {
    // Only once the fields themselves are right: a broken imageIds is named for what is wrong with it.
    when: (payload) => payload.issues.length === 0,
    path: ["imageIds"],
    message: `A share takes either imageIds (1 to ${SHARE_LIMITS.imagesMax} images) or a sweepId, not both or neither`,
  });
export type CreateShareInput = z.infer<typeof createShareSchema>;

export const updateShareSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    showPrompts: flag("showPrompts").optional(),
    showParams: flag("showParams").optional(),
    allowIndexing: flag("allowIndexing").optional(),
  })
  .strict();
export type UpdateShareInput = z.infer<typeof updateShareSchema>;

/** How a key that is not part of a share is named. */
export const unknownShareField = (key: string) => `${key} is not a share field`;

/** zod issues → one FieldError per top-level field (lib/field-errors.ts), the schema's own messages. */
export function shareFieldErrors(error: z.ZodError): FieldError[] {
  return toFieldErrors(error.issues, unknownShareField);
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function expiryDate(expiry: ShareExpiry, now: Date): Date | null {
  const days = { never: 0, "1d": 1, "7d": 7, "30d": 30 }[expiry];
  return days ? new Date(now.getTime() + days * DAY_MS) : null;
}
