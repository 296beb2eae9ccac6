import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { images, shareImages, shares } from "@/lib/db/schema";
import { sharedImageResponse } from "@/lib/shares/share-image-response";
import { sharePreviewPng } from "@/lib/shares/share-preview";
import { createShare, editShare, openShare, readShares, removeShare, revokeShare, sharedImageFile, shareStatus } from "@/lib/shares/share-service";
import { hashShareToken } from "@/lib/shares/share-token";
import { forEachDialect } from "@/lib/testing/test-databases";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { serverKey, setServerKeysForTests } from "@/lib/keys/server-keys";
import { appErrorOf, bindShareDb, DAY, tokenOf } from "@/lib/testing/share-fixtures";

/** The owner side of shares: create, list, edit, revoke, expire, delete; how tokens are stored. */

// share-service takes its database from lib/db (getDb); here it is the describe block's test db.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));

withTempDataDir("share-service");

forEachDialect("share-service", (t) => {
  const fx = bindShareDb(() => t.db, holder);

  it("createShare returns /s/<22 chars>, status active, the image count and the defaults", async () => {
    const before = Date.now();
    const share = await createShare({ imageIds: [fx.car.id, fx.poster.id], title: "  Cars  " });
    tokenOf(share);
    expect(share).toMatchObject({
      title: "Cars",
      description: "",
      status: "active",
      imageCount: 2,
      viewCount: 0,
      showPrompts: false,
      showParams: false,
      allowIndexing: false,
      revokedAt: null,
    });
    const expires = Date.parse(share.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expect(Date.parse(share.createdAt)).not.toBeNaN();
  });

  it("createShare with expiry never has no expiry date", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Forever", expiry: "never" });
    expect(share.expiresAt).toBeNull();
    expect(share.status).toBe("active");
  });

  it("createShare counts a repeated id once", async () => {
    const share = await createShare({ imageIds: [fx.car.id, fx.car.id, fx.poster.id], title: "Twice" });
    expect(share.imageCount).toBe(2);
    const opened = await openShare(tokenOf(share));
    expect(opened?.images.map((i) => i.n)).toEqual([1, 2]);
  });

  it("createShare refuses an unknown image id with validation_failed naming imageIds", async () => {
    const unknown = randomUUID();
    const before = (await readShares()).length;
    const err = await appErrorOf(createShare({ imageIds: [fx.car.id, unknown], title: "Nope" }));
    expect(err.code).toBe("validation_failed");
    expect(err.status).toBe(422);
    expect(err.fields).toHaveLength(1);
    expect(err.fields[0].field).toBe("imageIds");
    expect(err.fields[0].message).toContain("imageIds");
    expect(err.fields[0].message).toContain(unknown);
    expect(err.message).toContain(unknown);
    // Nothing was stored.
    expect(await readShares()).toHaveLength(before);
  });

  it("createShare refuses an invalid body with the schema's field errors", async () => {
    const err = await appErrorOf(createShare({ imageIds: [], title: "", extra: 1 }));
    expect(err.code).toBe("validation_failed");
    expect(err.fields.map((f) => f.field).sort()).toEqual(["extra", "imageIds", "title"]);
    expect(err.message).toContain("title must not be empty");
    expect(err.message).toContain("imageIds must name at least 1 image");

    const notJson = await appErrorOf(createShare(null));
    expect(notJson.code).toBe("validation_failed");
  });

  // Found by this test: ids used to be compared in the case they were sent in.

  it("createShare accepts an existing image id written in upper case", async () => {
    const share = await createShare({ imageIds: [fx.car.id.toUpperCase()], title: "Upper" });
    expect(share.imageCount).toBe(1);
  });

  it("countView increments viewCount, as readShares shows; a plain open does not", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Views" });
    const token = tokenOf(share);
    await openShare(token, { countView: true });
    await openShare(token, { countView: true });
    await openShare(token);
    await openShare(token, { countView: false });
    const listed = (await readShares()).find((s) => s.id === share.id);
    expect(listed?.viewCount).toBe(2);
  });

  it("readShares lists shares newest first with their image counts and links", async () => {
    const a = await createShare({ imageIds: [fx.car.id], title: "Older" });
    await new Promise((r) => setTimeout(r, 5));
    const b = await createShare({ imageIds: [fx.car.id, fx.poster.id, fx.variation.id], title: "Newer" });
    const list = await readShares();
    const ia = list.findIndex((s) => s.id === a.id);
    const ib = list.findIndex((s) => s.id === b.id);
    expect(ib).toBeGreaterThanOrEqual(0);
    expect(ib).toBeLessThan(ia);
    expect(list[ib]).toMatchObject({ imageCount: 3, path: b.path, title: "Newer", status: "active" });
    expect(list[ia]).toMatchObject({ imageCount: 1, path: a.path });
    for (let i = 1; i < list.length; i++) expect(Date.parse(list[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(list[i].createdAt));
  });

  it("revokeShare stops the page, the image files and the image responses at once", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Revoke me" });
    const token = tokenOf(share);
    expect(await openShare(token)).not.toBeNull();
    expect(await sharedImageFile(token, 1, "file")).not.toBeNull();
    // The collage is kept in memory (the same bytes come back), but the share is checked first.
    const preview = await sharePreviewPng(token);
    expect(preview).not.toBeNull();
    expect(await sharePreviewPng(token)).toBe(preview);

    const revoked = await revokeShare(share.id);
    expect(revoked.status).toBe("revoked");
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.imageCount).toBe(1);

    expect(await openShare(token)).toBeNull();
    expect(await openShare(token, { countView: true })).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();
    expect(await sharedImageFile(token, 1, "thumb")).toBeNull();
    const res = await sharedImageResponse(token, "1", "file");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await sharePreviewPng(token)).toBeNull();

    const listed = (await readShares()).find((s) => s.id === share.id);
    expect(listed).toMatchObject({ status: "revoked", viewCount: 0 });

    // Revoking again keeps the first revocation time.
    const again = await revokeShare(share.id, new Date(Date.now() + DAY));
    expect(again.revokedAt).toBe(revoked.revokedAt);
    // Editing cannot bring it back.
    const edited = await editShare(share.id, { title: "Still revoked" });
    expect(edited.status).toBe("revoked");
    expect(await openShare(token)).toBeNull();
  });

  it("an expired share (1d, created 2 days ago) does not open and shows as expired", async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    const share = await createShare({ imageIds: [fx.car.id], title: "Old", expiry: "1d" }, twoDaysAgo);
    const token = tokenOf(share);
    expect(share.status).toBe("expired");
    expect(Date.parse(share.expiresAt!)).toBe(twoDaysAgo.getTime() + DAY);
    expect(await openShare(token)).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();
    expect((await sharedImageResponse(token, "1", "thumb")).status).toBe(404);
    expect((await readShares()).find((s) => s.id === share.id)?.status).toBe("expired");
  });

  it("a share created 12 hours ago with expiry 1d is still active", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Recent", expiry: "1d" }, new Date(Date.now() - DAY / 2));
    expect(share.status).toBe("active");
    expect(await openShare(tokenOf(share))).not.toBeNull();
  });

  it("shareStatus: revoked wins over expired; expiry at exactly now is expired", () => {
    const now = new Date("2025-06-01T00:00:00Z");
    expect(shareStatus({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(shareStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("active");
    expect(shareStatus({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(shareStatus({ revokedAt: now, expiresAt: new Date(now.getTime() - DAY) }, now)).toBe("revoked");
  });

  it("editShare changes title and showPrompts, and the visitor sees the change", async () => {
    const share = await createShare({ imageIds: [fx.lighthouse[0].id], title: "Before" });
    const token = tokenOf(share);
    expect((await openShare(token))!.images[0].prompt).toBeNull();

    const edited = await editShare(share.id, { title: "  After  ", showPrompts: true, description: "new words" });
    expect(edited).toMatchObject({ id: share.id, title: "After", showPrompts: true, description: "new words", imageCount: 1, path: share.path, status: "active" });
    const opened = await openShare(token);
    expect(opened).toMatchObject({ title: "After", description: "new words", showPrompts: true });
    expect(opened!.images[0].prompt).toBe("a lighthouse at dusk");

    // An empty patch changes nothing.
    const same = await editShare(share.id, {});
    expect(same).toMatchObject({ title: "After", showPrompts: true });
  });

  it("editShare validates: empty title, unknown key; unknown id is not_found", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Valid" });
    const empty = await appErrorOf(editShare(share.id, { title: "" }));
    expect(empty.code).toBe("validation_failed");
    expect(empty.fields).toEqual([{ field: "title", message: "title must not be empty" }]);

    const unknownKey = await appErrorOf(editShare(share.id, { expiry: "never" }));
    expect(unknownKey.code).toBe("validation_failed");
    expect(unknownKey.fields[0].field).toBe("expiry");

    expect((await appErrorOf(editShare(randomUUID(), { title: "x" }))).code).toBe("not_found");
    expect((await appErrorOf(editShare("not-an-id", { title: "x" }))).code).toBe("not_found");
    expect((await appErrorOf(revokeShare("'; drop table shares;--"))).code).toBe("not_found");

    // The refused edits left the share as it was.
    expect((await readShares()).find((s) => s.id === share.id)?.title).toBe("Valid");
  });

  it("removeShare deletes the share and its links, not the images", async () => {
    const share = await createShare({ imageIds: [fx.car.id, fx.poster.id], title: "Remove me" });
    const token = tokenOf(share);
    await removeShare(share.id);
    expect((await readShares()).some((s) => s.id === share.id)).toBe(false);
    expect(await openShare(token)).toBeNull();
    expect(await sharedImageFile(token, 1, "file")).toBeNull();

    const links = await t.db.select().from(shareImages).where(eq(shareImages.shareId, share.id));
    expect(links).toHaveLength(0);
    const stillThere = await t.db.select({ id: images.id }).from(images).where(inArray(images.id, [fx.car.id, fx.poster.id]));
    expect(stillThere).toHaveLength(2);

    expect((await appErrorOf(removeShare(share.id))).code).toBe("not_found");
  });

  it("the stored row holds the token's SHA-256 and a sealed copy, never the token itself", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Hashed" });
    const token = tokenOf(share);
    const [row] = await t.db.select().from(shares).where(eq(shares.id, share.id));
    expect(row.tokenHash).toBe(hashShareToken(token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenSealed).not.toContain(token);
    // No column, read raw, holds the token.
    const raw = await t.db.execute<Record<string, unknown>>(sql`select * from shares where id = ${share.id}`);
    expect(raw.rows).toHaveLength(1);
    expect(JSON.stringify(raw.rows[0])).not.toContain(token);
    const anywhere = await t.db.execute(sql`select id from shares where token_hash = ${token} or token_sealed = ${token} or title = ${token}`);
    expect(anywhere.rows).toHaveLength(0);
  });

  it("the link is not shown again when the server's share-link key changed", async () => {
    const share = await createShare({ imageIds: [fx.car.id], title: "Other key" });
    const token = tokenOf(share);
    // As if the share had been sealed by an install with other keys.
    const g = globalThis as { __novaServerKeys?: Map<string, Buffer> };
    const saved = g.__novaServerKeys;
    setServerKeysForTests();
    expect(serverKey("share-link").equals(saved!.get("share-link")!)).toBe(false);
    try {
      const listed = (await readShares()).find((s) => s.id === share.id);
      expect(listed?.path).toBeNull();
      // The link itself still works: lookups use the hash, not the sealed copy.
      expect(await openShare(token)).not.toBeNull();
    } finally {
      g.__novaServerKeys = saved;
    }
  });


  // Found by this test: image URLs used to look up the stored position, which a deletion leaves
  // with a gap; they now go by rank, like the page's numbering.
});
