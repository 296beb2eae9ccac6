/**
 * zod builders for single fields, each with its own human message. zod's default messages
 * ("Too big: expected number to be <=10") are not shown to people: every rule here names the
 * field, the limit and the rejected value, and the form and the API show the same text.
 */
import { z } from "zod";
import { countChars, describeValue } from "@/lib/models/rules/describe-value";
import { unstorableTextProblem } from "@/lib/text/storable-text";

type IssueInput = { input?: unknown };

/** Message for a missing value or a value of the wrong JSON type. */
function typeMessage(field: string, expected: string) {
  return (iss: IssueInput) =>
    iss.input === undefined
      ? `${field} is required`
      : `${field} must be ${expected} (got ${describeValue(iss.input)})`;
}

/** Prompt-like text: 1..max characters, not only spaces, nothing the database cannot store. */
export function textField(field: string, max: number) {
  return z.string({ error: typeMessage(field, "text") }).superRefine((text, ctx) => {
    const n = countChars(text);
    const unstorable = unstorableTextProblem(field, text);
    if (unstorable) ctx.addIssue({ code: "custom", message: unstorable });
    if (n === 0) ctx.addIssue({ code: "custom", message: `${field} must not be empty` });
    else if (text.trim() === "") ctx.addIssue({ code: "custom", message: `${field} must not be only spaces` });
    else if (n > max) {
      ctx.addIssue({ code: "custom", message: `${field} must be at most ${max} characters (got ${n})` });
    }
  });
}

/** A number in [min, max], both ends included; `integer` also rejects fractions. */
export function rangeField(field: string, min: number, max: number, opts: { integer?: boolean } = {}) {
  const expected = opts.integer ? "a whole number" : "a number";
  return z.number({ error: typeMessage(field, expected) }).superRefine((value, ctx) => {
    if (opts.integer && !Number.isInteger(value)) {
      ctx.addIssue({
        code: "custom",
        message: `${field} must be a whole number between ${min} and ${max} (got ${value})`,
      });
    } else if (value < min || value > max) {
      ctx.addIssue({ code: "custom", message: `${field} must be between ${min} and ${max} (got ${value})` });
    }
  });
}

export function enumField<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, {
    error: (iss: IssueInput) =>
      iss.input === undefined
        ? `${field} is required`
        : `${field} must be one of ${values.join(", ")} (got ${describeValue(iss.input)})`,
  });
}

export function booleanField(field: string) {
  return z.boolean({ error: typeMessage(field, "true or false") });
}

/**
 * What counts as an image reference before any byte is read: an http(s) URL, a data: URL or
 * bare base64 (standard or URL-safe alphabet). Pixel checks live in lib/images.
 */
export function isImageSource(value: string): boolean {
  if (/^https?:\/\/\S+$/i.test(value)) return true;
  if (/^data:[^,]*,/i.test(value)) return true;
  // Padding is outside the character class so a long non-matching input fails in linear time.
  return /^[A-Za-z0-9+/_\-\s]+(={1,2}\s*)?$/.test(value);
}

function imageProblem(field: string, value: string): string | null {
  if (value.trim() === "") return `${field} must not be empty`;
  if (!isImageSource(value)) return `${field} must be an http(s) URL, a data: URL or base64 image data`;
  // A URL is stored verbatim in the job's parameters (jsonb), so it obeys the free-text rule.
  return unstorableTextProblem(field, value);
}

export function imageField(field: string) {
  return z.string({ error: typeMessage(field, "an image (URL, data: URL or base64)") }).superRefine((value, ctx) => {
    const problem = imageProblem(field, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/**
 * A list checked item by item here rather than with z.array(element): the message must say
 * which item ("colors[3]"), and the index is only known at this level.
 */
function listField(
  field: string,
  min: number,
  max: number,
  noun: string,
  checkItem: (item: unknown, name: string) => string | null,
) {
  return z
    .array(z.unknown(), { error: typeMessage(field, `a list of ${noun}`) })
    .superRefine((items, ctx) => {
      if (items.length < min || items.length > max) {
        ctx.addIssue({
          code: "custom",
          message: `${field} must have between ${min} and ${max} ${noun} (got ${items.length})`,
        });
      }
      items.forEach((item, i) => {
        const problem = checkItem(item, `${field}[${i}]`);
        if (problem) ctx.addIssue({ code: "custom", message: problem, path: [i] });
      });
    })
    .transform((items) => items as string[]);
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Colours as #RRGGBB in any case; the output is upper case so equal colours compare equal. */
export function colorsField(field: string, min: number, max: number) {
  return listField(field, min, max, "colours", (item, name) =>
    typeof item === "string" && HEX_COLOR.test(item)
      ? null
      : `${name} must be a colour written #RRGGBB, e.g. #FF8800 (got ${describeValue(item)})`,
  ).transform((colors) => colors.map((c) => c.toUpperCase()));
}

export function imageListField(field: string, min: number, max: number) {
  return listField(field, min, max, "images", (item, name) =>
    typeof item === "string" ? imageProblem(name, item) : `${name} must be an image (got ${describeValue(item)})`,
  );
}
