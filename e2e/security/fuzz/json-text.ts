/**
 * JSON text with holes JSON.stringify cannot make: number literals such as 1e309 or -0 and
 * deliberately broken fragments, written verbatim where a `RawJson` stands. Lone surrogates and
 * NUL need nothing special: JSON.stringify escapes them (\ud800, \u0000) and the server's
 * JSON.parse turns them back into exactly those characters.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export const raw = (text: string) => new RawJson(text);

export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    // Object.entries keeps an own "__proto__" key (made with a computed key), which is the point.
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** An object with an own property named `key`, even for "__proto__". */
export function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...target };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
