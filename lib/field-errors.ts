/**
 * zod issues → the API's field errors, one way for every schema (the generation request, shares,
 * the gallery filter), so the form and the route show a person the same messages. Browser-safe:
 * no "server-only", no Node built-ins (the forms call it too).
 */
import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";

/** What an unknown key is called when the schema says nothing better. */
const unknownField = (key: string) => `${key} is not a known field`;

/**
 * One FieldError per problem, keyed by the top-level field: "colors" for colors[3] (the message
 * names the index), "" for the whole request. An unknown-keys issue becomes one error per key,
 * worded by `unknownFieldMessage`. The same field and message twice is listed once.
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  unknownFieldMessage: (key: string) => string = unknownField,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const push = (field: string, message: string) => {
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ field, message });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) push(key, unknownFieldMessage(key));
      continue;
    }
    const head = issue.path[0];
    push(typeof head === "string" ? head : "", issue.message);
  }
  return errors;
}

/** The 422 of a request that broke field rules: the messages joined, and each field named. */
export function validationFailed(fields: readonly FieldError[]): AppError {
  return new AppError("validation_failed", fields.map((f) => f.message).join("; "), { fields: [...fields] });
}
