import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Output URLs are capabilities, like the gateway's: no auth header, an expiry and an HMAC over
 * (job, index, expiry). Without a data folder the secret is random per process, so a restarted
 * engine invalidates old URLs (the failure the app must survive by copying outputs); with one,
 * the secret is kept there (signing-secret.ts) and URLs outlive a restart, as the jobs do.
 */
export type UrlCheck = "ok" | "bad_signature" | "expired";

export class UrlSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  /** Path and query of an output file: `/v1/files/{jobId}/{index}.png?expires=…&sig=…`. */
  sign(jobId: string, index: number, expiresAtSeconds: number): string {
    const sig = this.mac(jobId, index, expiresAtSeconds);
    return `/v1/files/${encodeURIComponent(jobId)}/${index}.png?expires=${expiresAtSeconds}&sig=${sig}`;
  }

  check(jobId: string, index: number, expires: string | null, sig: string | null, nowSeconds: number): UrlCheck {
    if (!expires || !/^\d+$/.test(expires) || !sig) return "bad_signature";
    const expected = Buffer.from(this.mac(jobId, index, Number(expires)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "bad_signature";
    return nowSeconds >= Number(expires) ? "expired" : "ok";
  }

  private mac(jobId: string, index: number, expires: number): string {
    return createHmac("sha256", this.secret).update(`${jobId}/${index}/${expires}`).digest("base64url");
  }
}
