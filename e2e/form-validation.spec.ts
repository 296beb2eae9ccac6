import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { TaskForm } from "./pages/task-form";
import type { ApiErrorBody } from "./support/api";
import { png, subjectOnPlain } from "./support/images";

/**
 * The form and the API apply the same input rules with the same words: a rule break is stopped
 * in the form, naming the rule, and the API refuses the very same request with the same message.
 */
test("a 300×300 image is stopped in the form naming the 320 px rule, and the API refuses the same request alike", async ({ page, request }) => {
  const playground = new PlaygroundPage(page);
  const form = new TaskForm(page);
  await playground.goto();
  await form.choose("BACKGROUND_REMOVAL");

  const small = await subjectOnPlain(300, 300, [30, 60, 160], [245, 245, 245]);
  const field = form.image("image");
  await field.choose(png("small.png", small));
  await expect(field.root).toContainText("300 × 300");

  const rule = "image sides must be at least 320 px (got 300×300)";
  const problem = field.problem(rule);
  await expect(problem).toHaveCount(1);
  await expect(problem.getByRole("button", { name: "Pad to at least 320 px", exact: true })).toBeVisible();
  await expect(playground.runButton).toBeDisabled();
  await expect(page.getByText("Fix 1 field to run: Image", { exact: true })).toBeVisible();

  // Nor does the keyboard shortcut get a request out.
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/jobs") posted++;
  });
  await page.getByRole("button", { name: "Replace Image", exact: true }).focus();
  await page.keyboard.press("Control+Enter");
  await expect(problem).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(posted, "POST /api/jobs sent by the blocked form").toBe(0);

  // The request the form would send: { task_type, image: <the field's data URL> }.
  const dataUrl = await field.root.getByRole("img", { name: "Image", exact: true }).getAttribute("src");
  expect(dataUrl).toMatch(/^data:image\/png;base64,/);
  expect(Buffer.compare(Buffer.from(dataUrl!.slice(dataUrl!.indexOf(",") + 1), "base64"), small), "the field holds the file as chosen").toBe(0);

  const res = await request.post("/api/jobs", { data: { task_type: "BACKGROUND_REMOVAL", image: dataUrl } });
  expect(res.status()).toBe(422);
  const { error } = (await res.json()) as ApiErrorBody;
  expect(error.code).toBe("validation_failed");
  expect(error.message).toBe(rule);
  expect(error.fields).toEqual([{ field: "image", message: rule }]);
});
