import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { hashShareToken, looksLikeShareToken, newShareToken } from "@/lib/shares/share-token";
import { openToken, sealToken } from "@/lib/shares/token-seal";
import { forgetServerKeys, setServerKeysForTests } from "@/lib/keys/server-keys";

describe("share tokens", () => {
  it("newShareToken is 22 base64url characters holding 128 bits", () => {
    const token = newShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const bytes = Buffer.from(token, "base64url");
    expect(bytes).toHaveLength(16);
    // Canonical encoding: decoding and re-encoding gives the same text.
    expect(bytes.toString("base64url")).toBe(token);
  });

  it("newShareToken is distinct across 1000 calls", () => {
    const tokens = Array.from({ length: 1000 }, () => newShareToken());
    expect(new Set(tokens).size).toBe(1000);
    for (const t of tokens) expect(looksLikeShareToken(t)).toBe(true);
  });

  it("hashShareToken is the hex SHA-256 of the token, and stable", () => {
    expect(hashShareToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = newShareToken();
    const hash = hashShareToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashShareToken(token)).toBe(hash);
    expect(hashShareToken(`${token.slice(0, 21)}${token[21] === "A" ? "B" : "A"}`)).not.toBe(hash);
  });

  it("looksLikeShareToken accepts exactly 22 base64url characters", () => {
    expect(looksLikeShareToken("A".repeat(22))).toBe(true);
    expect(looksLikeShareToken("abcdefghijklmnopqrs_-9")).toBe(true);
    for (const bad of [
      "",
      "A".repeat(21),
      "A".repeat(23),
      `${"A".repeat(21)}+`, // base64, not base64url
      `${"A".repeat(21)}/`,
      `${"A".repeat(20)}==`,
      `${"A".repeat(21)} `,
      `${"A".repeat(22)}\n`,
      `\n${"A".repeat(22)}`,
      `${"A".repeat(21)}é`,
      "'; drop table shares;--",
      "../../../../etc/passwd",
    ]) {
      expect(looksLikeShareToken(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("token-seal", () => {
  beforeEach(() => {
    setServerKeysForTests();
  });

  afterAll(() => {
    forgetServerKeys();
  });

  it("sealToken/openToken round-trip a token", () => {
    const token = newShareToken();
    const sealed = sealToken(token);
    expect(sealed).not.toContain(token);
    expect(sealed.split(".")).toHaveLength(3);
    expect(openToken(sealed)).toBe(token);
  });

  it("sealing twice gives different values (random IV) that both open", () => {
    const token = newShareToken();
    const a = sealToken(token);
    const b = sealToken(token);
    expect(a).not.toBe(b);
    expect(openToken(a)).toBe(token);
    expect(openToken(b)).toBe(token);
  });

  it("a tampered value opens to null", () => {
    const token = newShareToken();
    const sealed = sealToken(token);
    const [iv, tag, body] = sealed.split(".");
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] ^= 1;
      return bytes.toString("base64url");
    };
    expect(openToken([flip(iv), tag, body].join("."))).toBeNull();
    expect(openToken([iv, flip(tag), body].join("."))).toBeNull();
    expect(openToken([iv, tag, flip(body)].join("."))).toBeNull();
    expect(openToken([iv, tag].join("."))).toBeNull();
    expect(openToken("")).toBeNull();
    expect(openToken("not sealed at all")).toBeNull();
    expect(openToken("..")).toBeNull();
    // The untouched value still opens.
    expect(openToken(sealed)).toBe(token);
  });

  // Found by this test: a tag cut to 4 bytes used to open (Node accepts 4–16 unless told).
  it("a value whose auth tag was truncated opens to null", () => {
    const token = newShareToken();
    const [iv, tag, body] = sealToken(token).split(".");
    const shortTag = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url");
    expect(openToken([iv, shortTag, body].join("."))).toBeNull();
  });

  it("a value sealed under another install's key opens to null", () => {
    const token = newShareToken();
    const sealed = sealToken(token);
    setServerKeysForTests();
    expect(openToken(sealed)).toBeNull();
    expect(openToken(sealToken(token))).toBe(token);
  });
});
