/**
 * The hostile values the fuzz run puts into JSON fields, query parameters and path segments.
 * Grouped by what they attack, so a route can take only the ones that cannot be valid for it.
 */
import { raw, type RawJson } from "./json-text";

const RTL = "\u202eevil\u202c שלום مرحبا";
const COMBINING = `e${"\u0301\u0308\u0327".repeat(60)}`;

/** Strings no field can store: each holds a NUL or an unpaired surrogate. */
export const NASTY_TEXT: readonly string[] = [
  "\u0000",
  "a red fox\u0000",
  "\ud800",
  "fox \udc00 snow",
  "\udc00\ud800",
  `${RTL}\u0000`,
  `${COMBINING}\ud83d`,
  "%ff%fe\u0000",
  "../../etc/passwd\u0000.png",
];

/** Strings that are odd but storable: valid where free text is allowed. */
export const ODD_TEXT: readonly string[] = [
  RTL,
  "%ff%fe",
  "%00",
  COMBINING,
  "🦊🏔️👩‍👩‍👧‍👦",
  "\ufeff\u200b\u2028\u2029",
  "'; drop table images; --",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "toString",
  "{{7*7}} ${7*7}",
  "NaN",
  "Infinity",
  "-0",
  "null",
  "9999-12-31",
  "2024-02-30",
  "6F9619FF-8B86-4D11-B42D-00C04FC964FF",
];

/** Storable text of exactly n characters (code points, as the length limits count them). */
export const overlong = (n: number) => Array.from("ab\u0301🦊 ".repeat(Math.ceil(n / 5))).slice(0, n).join("");

/** Number literals out of every range, or that JSON.stringify cannot write. */
export const ABSURD_NUMBERS: readonly RawJson[] = [
  raw("1e309"),
  raw("-1e309"),
  raw("1e-400"),
  raw("9007199254740993"),
  raw("123456789012345678901234567890"),
  raw("1.7976931348623157e308"),
  raw("-9223372036854775809"),
  raw("4294967296"),
  raw("5e-324"),
  raw("0.30000000000000004"),
];

/** Values of the wrong JSON type for a field, whatever type it wants (strings excepted). */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  [],
  [null],
  {},
  { toString: 1 },
  { valueOf: "x", toJSON: null },
  [[[["deep"]]]],
  raw(`${"[".repeat(20_000)}${"]".repeat(20_000)}`),
  raw(`${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`),
];

/** Whole bodies that are not the JSON object a route wants. */
export const BROKEN_JSON: readonly string[] = [
  "{",
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":undefined}',
  "/* c */ {}",
  "\ufeff{}",
  '{"a":1} trailing',
  '{"a":"\\u00"}',
  '{"a":"\\x00"}',
  '{"a":"unterminated',
  "[",
  '"\\ud800"',
  "null",
  "0",
  "-0",
  "1e309",
  '""',
  "true",
  "[]",
  "[{}]",
  `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
];

/** Keys that poke at prototypes and object plumbing. */
export const PROTO_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__"];

/**
 * Raw text for a path segment or a query value, sent without further encoding: invalid percent
 * escapes, encoded NUL, dot segments, an encoded lone surrogate (ED A0 80), overlong UTF-8.
 */
export const RAW_URL_GARBAGE: readonly string[] = [
  "%ff%fe",
  "%00",
  "%2e%2e",
  "..",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "%",
  "%zz",
  "%E0%80%AF",
  "%C0%AE%C0%AE",
  "%ED%A0%80",
  "%E2%80%AE",
  "%2f",
  "%5c",
  "%3f%23",
  "%0a%0d",
  "\u00ff\u00fe",
  "a".repeat(5_000),
];

/** encodeURIComponent that also writes a lone surrogate (which encodeURIComponent throws on). */
export function encodeComponent(text: string): string {
  let out = "";
  for (const ch of text.match(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g) ?? []) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      // The three bytes UTF-8 would give it if it were allowed (CESU-style): invalid UTF-8.
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}
