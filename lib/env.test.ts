import { describe, expect, it } from "vitest";
import { readEnv as read } from "@/lib/env";

const readEnv = (vars: Record<string, string>) => read({ NODE_ENV: "test", ...vars });

/** lib/env.ts refuses a bad value at start-up with a message naming the variable. */
describe("object storage settings", () => {
  it("default to no bucket (image files), region us-east-1, no prefix", () => {
    const e = readEnv({});
    expect({ bucket: e.S3_BUCKET, endpoint: e.S3_ENDPOINT, region: e.S3_REGION, pathStyle: e.S3_FORCE_PATH_STYLE, prefix: e.S3_PREFIX }).toEqual({
      bucket: undefined,
      endpoint: undefined,
      region: "us-east-1",
      pathStyle: false,
      prefix: "",
    });
  });

  it("take an endpoint URL (without its trailing slash), path style and a prefix", () => {
    const e = readEnv({ S3_BUCKET: "images", S3_ENDPOINT: "http://127.0.0.1:9000/", S3_FORCE_PATH_STYLE: "1", S3_PREFIX: "team/play-ground/" });
    expect([e.S3_BUCKET, e.S3_ENDPOINT, e.S3_FORCE_PATH_STYLE, e.S3_PREFIX]).toEqual(["images", "http://127.0.0.1:9000", true, "team/play-ground/"]);
  });

  it("refuse an endpoint that is not an http(s) URL, naming the variable", () => {
    for (const bad of ["s3.internal:9000", "ftp://x", "not a url"]) {
      expect(() => readEnv({ S3_ENDPOINT: bad }), bad).toThrow(/S3_ENDPOINT: use an absolute http\(s\) URL/);
    }
  });

  it("refuse a prefix that could escape or hide: no trailing slash, upper case, dot segments, absolute", () => {
    for (const bad of ["team", "Team/", "a/../", "./", "a/.hidden/", "/abs/", "a//b/"]) {
      expect(() => readEnv({ S3_PREFIX: bad }), bad).toThrow(/S3_PREFIX: use lower-case letters/);
    }
  });
});
