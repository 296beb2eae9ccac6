import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground-page";
import { PromptPalette, PromptsPage, seedPrompts, yesterdayNoon } from "./pages/prompt-history";
import { submitJob, textImageBody } from "./support/api";
import { answerConfirm } from "./support/dialogs";
import { unique } from "./support/runs";

/**
 * Prompt history (issue 12, part 4): the palette in the prompt fields (Ctrl/⌘+K), pins, and the
 * /prompts page's export and import. Entries "used yesterday" come in through the app's own
 * import; a run made through the API is recorded at admission. Each run of a test uses words of
 * its own, so the shared server's history (other specs add to it) never decides a result.
 */
test("a prompt used yesterday is found by three of its words and inserted with Enter", async ({ page, request }) => {
  const tag = `zq${unique()}`;
  const wanted = `An old lighthouse ${tag} on a cliff at dusk, warm amber light`;
  const yesterday = yesterdayNoon();
  await seedPrompts(request, [
    { kind: "prompt", text: wanted, useCount: 3, firstUsedAt: new Date(yesterday.getTime() - 3 * 86_400_000).toISOString(), lastUsedAt: yesterday.toISOString() },
    // Two of the three words: not a match.
    { kind: "prompt", text: `A lighthouse ${tag} in the fog`, lastUsedAt: new Date().toISOString() },
  ]);

  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.prompt.fill("something to replace");
  const palette = new PromptPalette(page);
  await palette.openFrom(playground.prompt);
  // Three words, in another order and case than the prompt's.
  await palette.searchFor(`DUSK ${tag} cliff`, [wanted]);
  await expect(palette.highlighted).toContainText(wanted);
  await expect(palette.options.first()).toContainText("used 3 times · last used yesterday");
  await expect(palette.search).toHaveAttribute("aria-activedescendant", (await palette.highlighted.getAttribute("id"))!);
  await page.keyboard.press("Enter");

  await expect(palette.dialog).toHaveCount(0);
  await expect(playground.prompt).toHaveValue(wanted);
  await expect(playground.prompt).toBeFocused();
});

test("a run's negative prompt is recorded at once and searched from the negative prompt field; Escape closes", async ({ page, request }) => {
  const tag = `zn${unique()}`;
  const negative = `blurry ${tag} extra fingers`;
  await submitJob(request, textImageBody({ prompt: `a fox ${tag}`, negative_prompt: negative }));

  const playground = new PlaygroundPage(page);
  await playground.goto();
  const field = page.getByLabel("Negative prompt", { exact: true });
  const palette = new PromptPalette(page);
  await palette.openFrom(field);
  await expect(palette.dialog.getByRole("heading")).toHaveText("Negative prompt history");
  await palette.searchFor(`${tag} fingers`, [negative]);
  await expect(palette.options.first()).toContainText("used once · last used today");
  await page.keyboard.press("Escape");
  await expect(palette.dialog).toHaveCount(0);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("");
  // The prompt's own history does not list a negative prompt.
  await palette.openFrom(playground.prompt);
  await palette.search.fill(`${tag} fingers`);
  await expect(palette.count).toHaveText(`No prompt has all of these words: ${tag} fingers`);
});

test("pin from the palette: the pinned prompt lists first, stays highlighted, and is inserted from its details", async ({ page, request }) => {
  const tag = `zp${unique()}`;
  const older = `older harbour ${tag} at noon`;
  const newer = `newer harbour ${tag} at night`;
  const day = 86_400_000;
  await seedPrompts(request, [
    { kind: "prompt", text: older, lastUsedAt: new Date(Date.now() - 2 * day).toISOString() },
    { kind: "prompt", text: newer, lastUsedAt: new Date(Date.now() - day).toISOString() },
  ]);
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await page.getByRole("button", { name: "Prompt history", exact: true }).click();
  const palette = new PromptPalette(page);
  await expect(palette.search).toBeFocused();
  await palette.searchFor(`harbour ${tag}`, [newer, older]);
  await page.keyboard.press("ArrowDown");
  await expect(palette.highlighted).toContainText(older);
  await expect(palette.details).toContainText(older);
  const pin = palette.details.getByRole("button", { name: "Pin" });
  await expect(pin).toHaveAttribute("aria-pressed", "false");
  await pin.click();
  await expect(pin).toHaveAttribute("aria-pressed", "true");
  await expect(palette.options.first()).toContainText(older);
  await expect(palette.options.first()).toContainText("★");
  await expect(palette.highlighted).toContainText(older);
  await palette.details.getByRole("button", { name: "Insert" }).click();
  await expect(palette.dialog).toHaveCount(0);
  await expect(playground.prompt).toHaveValue(older);
});

test("/prompts: export, delete, import the file back (picker): restored with its count and pin; a broken file dropped on the page is refused, naming the entry", async ({ page, request }) => {
  const tag = `ze${unique()}`;
  const kept = `export ${tag} kept prompt`;
  const gone = `export ${tag} deleted then restored`;
  await seedPrompts(request, [
    { kind: "prompt", text: kept, useCount: 2 },
    { kind: "negative", text: gone, useCount: 5, pinned: true, lastUsedAt: yesterdayNoon().toISOString() },
  ]);
  const prompts = new PromptsPage(page);
  await prompts.goto();
  await prompts.search.fill(tag);
  await expect(prompts.rows).toHaveCount(2);
  // Pinned first.
  await expect(prompts.rows.first()).toContainText(gone);
  await expect(prompts.row(gone)).toContainText("used 5 times · last used yesterday");
  await expect(prompts.row(gone).getByRole("button", { name: "Pin" })).toHaveAttribute("aria-pressed", "true");

  const file = await prompts.exportFile();
  expect(file.name).toMatch(/^prompt-history-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.json.version).toBe(1);
  const mine = file.json.entries.filter((e) => e.text.includes(tag));
  expect(mine.map((e) => [e.kind, e.text, e.useCount, e.pinned]).sort()).toEqual([
    ["negative", gone, 5, true],
    ["prompt", kept, 2, false],
  ]);

  const message = await answerConfirm(page, () => prompts.row(gone).getByRole("button", { name: "Delete" }).click(), "accept");
  expect(message).toContain("Delete this prompt from the history?");
  await expect(prompts.rows).toHaveCount(1);

  await prompts.importThroughPicker(file.name, file.bytes);
  await expect(prompts.importResult).toContainText(`Imported ${file.name}: 1 new, ${file.json.entries.length - 1} merged`);
  await expect(prompts.rows).toHaveCount(2);
  await expect(prompts.rows.first()).toContainText(gone);
  await expect(prompts.row(gone)).toContainText("used 5 times · last used yesterday");
  await expect(prompts.row(gone).getByRole("button", { name: "Pin" })).toHaveAttribute("aria-pressed", "true");
  await expect(prompts.row(kept)).toContainText("used 2 times");

  const broken = Buffer.from(JSON.stringify({ entries: [{ kind: "prompt", text: `${tag} ${"x".repeat(10_001)}` }] }));
  await prompts.importByDrop("broken.json", broken);
  await expect(prompts.importError).toContainText("Nothing was imported from broken.json");
  await expect(prompts.importError).toContainText("entries[0].text must be at most 10000 characters");
  await expect(prompts.rows).toHaveCount(2);

  await prompts.search.fill(`${tag} nothing-matches-this`);
  await expect(page.getByTestId("prompts-empty")).toContainText("No prompt has all of these words");
});
