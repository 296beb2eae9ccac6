import "server-only";
import type { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { toFieldErrors, validationFailed } from "@/lib/field-errors";
import type { ParsedBody } from "@/lib/http/read-body";

/**
 * The one way a route turns the body it read into a typed value. The guard (handle-route.ts)
 * reads the body, size-limited and once (read-body.ts: 413, 415, 400 for JSON that does not
 * parse); this checks it against the route's schema and refuses it with the one validation
 * status, 422 `validation_failed`, each broken field named (lib/field-errors.ts).
 *
 * The parser is a zod schema, or a validate function that answers with a value or field errors
 * (the generation request's `validateGenerationRequest`, which picks a schema by task type).
 */
export type BodyParser<V> =
  | z.ZodType<V, unknown>
  | ((value: unknown) => { ok: true; value: V } | { ok: false; errors: readonly FieldError[] });

export interface ParseOptions {
  /** How a key the schema does not know is named ("x is not a share field"). */
  unknownFieldMessage?: (key: string) => string;
}

/** The body's value: JSON as parsed, or a form's fields as an object (the first of repeated names). */
export function bodyValue(body: ParsedBody): unknown {
  if (body.type === "json") return body.value;
  // A Map, then own properties: a field named __proto__ or toString is only a field.
  const fields = new Map<string, string>();
  for (const [name, value] of body.value) if (!fields.has(name)) fields.set(name, value);
  return Object.fromEntries(fields);
}

/** A body the guard read, checked: the typed value, or a 422 naming each broken field. */
export function parseBody<V>(parser: BodyParser<V>, body: ParsedBody, options: ParseOptions = {}): V {
  return parseBodyValue(parser, bodyValue(body), options);
}

/** The same for a body's value a service was handed (`body.value` of a JSON route). */
export function parseBodyValue<V>(parser: BodyParser<V>, value: unknown, options: ParseOptions = {}): V {
  if (typeof parser === "function") {
    const result = parser(value);
    if (result.ok) return result.value;
    throw validationFailed(result.errors);
  }
  const result = parser.safeParse(value);
  if (result.success) return result.data;
  throw validationFailed(toFieldErrors(result.error.issues, options.unknownFieldMessage));
}
