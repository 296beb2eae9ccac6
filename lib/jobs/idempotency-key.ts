import { AppError } from "@/lib/errors";

/**
 * The Idempotency-Key header of POST /api/jobs: any printable ASCII, 1 to 255 characters (a
 * UUID is what the playground sends). Absent: null, every submit is a new run.
 */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(header: string | null): string | null {
  if (header === null) return null;
  if (KEY.test(header)) return header;
  throw new AppError("validation_failed", "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.", {
    fields: [{ field: "Idempotency-Key", message: "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces" }],
  });
}
