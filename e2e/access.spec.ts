import { expect, test } from "@playwright/test";
import { E2E } from "./support/env";
import { answerConfirm } from "./support/dialogs";
import { unique } from "./support/runs";

/**
 * The password-protected app (PLAYGROUND_PASSWORD): pages and the API need the session;
 * shared galleries, their images and health do not. (The sign-in limiter and server-side
 * sessions are replayed with servers of their own in e2e/security/sign-in.spec.ts.)
 */
const URL = E2E.passwordUrl;

test("without a session: pages go to sign-in, the API answers 401, health answers", async ({ request, page }) => {
  const api = await request.get(`${URL}/api/jobs`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error.message).toMatch(/Sign in first/);
  expect((await request.get(`${URL}/api/gallery`)).status()).toBe(401);
  expect((await request.post(`${URL}/api/jobs`, { data: { prompt: "x" } })).status()).toBe(401);
  expect((await request.get(`${URL}/api/health`)).status()).toBe(200);

  await page.goto(`${URL}/gallery`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fgallery$/);
  await expect(page.getByRole("heading", { name: "Nova Canvas Playground" })).toBeVisible();
});

test("sign in with the password, share three images with prompts hidden; a visitor sees them, never a private URL; revoke stops it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto(`${URL}/gallery`);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#password-error")).toHaveText("That password is not right.");
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${URL}/gallery`);
  const cookie = (await page.context().cookies()).find((c) => c.name === "nova_session");
  expect(cookie?.httpOnly, "the session cookie is httpOnly").toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  // Three images, through the signed-in API (the page's cookies).
  const word = `kestrel${unique()}`;
  const prompts = [1, 2, 3].map((i) => `e2e private prompt ${word} ${i}`);
  const created = [];
  for (const prompt of prompts) {
    // A request with the page's cookies says where it comes from, as the page's own fetch would.
    const res = await page.request.post(`${URL}/api/jobs`, { data: { prompt }, headers: { origin: URL } });
    expect(res.status()).toBe(201);
    created.push((await res.json()).id as string);
  }
  const imageIds: string[] = [];
  for (const id of created) {
    await expect.poll(async () => (await (await page.request.get(`${URL}/api/jobs/${id}`)).json()).status, { timeout: 45_000 }).toBe("completed");
    imageIds.push((await (await page.request.get(`${URL}/api/jobs/${id}`)).json()).images[0].id);
  }

  // Share them through the gallery, as a person would: search, "Share this view…", prompts hidden.
  await page.goto(`${URL}/gallery?q=${word}`);
  await expect(page.getByTestId("gallery-item")).toHaveCount(3);
  await page.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Share this view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share 3 images" });
  const title = `e2e behind a password ${word}`;
  await dialog.getByLabel("Title").fill(title);
  await expect(dialog.getByLabel("Prompts")).not.toBeChecked();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("dialog", { name: "Shared" }).getByLabel("Share link").inputValue();
  const path = new globalThis.URL(link).pathname;
  const shares = (await (await page.request.get(`${URL}/api/shares`)).json()) as { items: { id: string; path: string | null }[] };
  const shareId = shares.items.find((s) => s.path === path)?.id;
  expect(shareId, "the new share is on the owner's list").toBeTruthy();

  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  expect((await v.goto(`${URL}${path}`))?.status()).toBe(200);
  await expect(v.getByTestId("share-grid").getByRole("img")).toHaveCount(3);
  const html = await v.content();
  for (const p of prompts) expect(html).not.toContain(p);
  for (let n = 1; n <= 3; n++) expect((await v.request.get(`${URL}${path}/i/${n}`)).status()).toBe(200);
  // Whatever a visitor guesses, private URLs need the session.
  for (const id of imageIds) {
    expect((await v.request.get(`${URL}/api/images/${id}/file`)).status(), "a private image URL").toBe(401);
    expect((await v.request.get(`${URL}/api/images/${id}/thumb`)).status()).toBe(401);
  }
  expect((await v.request.get(`${URL}/api/shares`)).status()).toBe(401);
  expect((await v.request.post(`${URL}/api/shares/${shareId}/revoke`)).status(), "a visitor cannot revoke").toBe(401);
  await v.goto(`${URL}/gallery`);
  await expect(v).toHaveURL(/\/sign-in/);

  // The owner revokes on the Shares page; the visitor's page and images stop at once.
  await page.goto(`${URL}/shares`);
  const row = page.getByRole("listitem", { name: title });
  await answerConfirm(page, () => row.getByRole("button", { name: "Revoke" }).click(), "accept");
  await expect(row.getByTestId("share-status")).toHaveText("revoked");
  expect((await v.goto(`${URL}${path}`))?.status()).toBe(404);
  for (let n = 1; n <= 3; n++) expect((await v.request.get(`${URL}${path}/i/${n}`)).status()).toBe(404);
  await visitor.close();

  // Sign out ends the session.
  await page.goto(`${URL}/`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed-out=1/);
  expect((await page.request.get(`${URL}/api/jobs`)).status()).toBe(401);
});
