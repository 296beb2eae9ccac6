/**
 * Bodies: the valid-looking one of a route with one field broken, and bodies broken as a whole
 * (malformed JSON, wrong top-level type, nothing, invalid UTF-8, far too deep, too big).
 */
import { brokenJobBody } from "./job-bodies";
import { BROKEN_JSON, encodeComponent, NASTY_TEXT, ODD_TEXT, overlong, PROTO_KEYS, RAW_URL_GARBAGE } from "./hostile-values";
import { jsonText, withKey } from "./json-text";
import type { Prng } from "./prng";
import { hostileFieldValue, type BodySpec, type Fixtures } from "./route-table";

export interface Body {
  bytes: Buffer;
  contentType: string;
  what: string;
  /** The field a refusal (422) must name: the one broken, or the unknown key added. */
  names?: string;
}

const json = (text: string, what: string, names?: string): Body => ({ bytes: Buffer.from(text, "utf8"), contentType: "application/json", what, names });

/** `a=b&c=d`, writing lone surrogates as the invalid UTF-8 they would be. */
export function formText(fields: Record<string, string>): string {
  return Object.entries(fields).map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join("&");
}

const form = (fields: Record<string, string>, what: string): Body => ({
  bytes: Buffer.from(formText(fields), "latin1"),
  contentType: "application/x-www-form-urlencoded",
  what,
});

/** Values of `next` after sign-in that must not lead off the site, and other odd form values. */
const FORM_HOSTILE = [
  ...NASTY_TEXT,
  ...ODD_TEXT,
  "//evil.example",
  "/\t/evil.example",
  "/\n/x",
  "/\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "sign-out",
  overlong(100_000),
];

/** The route's body with one field broken (for /api/jobs: always broken, see job-bodies.ts). */
export function oneFieldBroken(spec: BodySpec, fixtures: Fixtures, rng: Prng): Body {
  if (spec.type === "job") {
    const { text, what } = brokenJobBody(rng);
    return json(text, what);
  }
  if (spec.type === "form") {
    const fields = spec.valid(rng);
    const field = rng.chance(0.1) ? rng.pick(PROTO_KEYS) : rng.pick(spec.fields);
    return form({ ...fields, [field]: rng.pick(FORM_HOSTILE) }, `form field ${field} broken`);
  }
  const body = spec.valid(fixtures, rng);
  if (rng.chance(0.1)) {
    const key = rng.pick([...PROTO_KEYS, ...(spec.unknownKeys ?? [])]);
    return json(jsonText(withKey(body, key, { favorite: false, title: "x" })), `unknown key ${JSON.stringify(key)}`, key);
  }
  const field = rng.pick(Object.keys(spec.fields));
  const value = hostileFieldValue(spec.fields[field], rng);
  if (rng.chance(0.1)) {
    // A repeated key whose last (winning) copy is broken: the first copy must not be what is checked.
    const text = jsonText(body).replace(/\}$/, `,${JSON.stringify(field)}:${jsonText(value)}}`);
    return json(text, `field ${field} repeated, last copy broken`, field);
  }
  return json(jsonText({ ...body, [field]: value }), `field ${field} broken`, field);
}

/** A valid-looking body (only for routes whose valid body changes nothing that matters). */
export function validLookingBody(spec: BodySpec, fixtures: Fixtures, rng: Prng): Body {
  if (spec.type === "job") return oneFieldBroken(spec, fixtures, rng);
  if (spec.type === "form") return form(spec.valid(rng), "valid-looking form");
  return json(jsonText(spec.valid(fixtures, rng)), "valid-looking body");
}

/** A body broken as a whole. */
export function brokenBody(rng: Prng): Body {
  switch (rng.int(7)) {
    case 0:
    case 1:
      return json(rng.pick(BROKEN_JSON), "malformed or non-object JSON");
    case 2:
      return { bytes: Buffer.alloc(0), contentType: "application/json", what: "empty body" };
    case 3: {
      // Invalid UTF-8 where the task type goes: refused whatever the decoder makes of it.
      const bytes = Buffer.concat([Buffer.from('{"task_type":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xae, 0xed, 0xa0, 0x80]), Buffer.from('","prompt":"x","imageIds":1}')]);
      return { bytes, contentType: "application/json", what: "invalid UTF-8" };
    }
    case 4:
      return json(`{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, "nesting 100,000 deep");
    case 5: {
      const boundary = rng.pick(["", "; boundary=x", "; boundary="]);
      const text = `--x\r\nContent-Disposition: form-data; name="imageIds"\r\n\r\n${rng.pick(RAW_URL_GARBAGE)}\r\n--x`;
      return { bytes: Buffer.from(text, "latin1"), contentType: `multipart/form-data${boundary}`, what: "broken multipart" };
    }
    default:
      return json(`{"x":"${"a".repeat(1_100_000 + rng.int(1000))}"}`, "1.1 MB body");
  }
}
