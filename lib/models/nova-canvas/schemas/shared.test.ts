import { describe, expect, it } from "vitest";
import { errorsOf, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";
import type { TaskType } from "@/lib/models/task-types";
import { isImageSource } from "@/lib/models/rules/field-rules";

const GENERATIVE: TaskType[] = [
  "TEXT_IMAGE",
  "IMAGE_VARIATION",
  "INPAINTING",
  "OUTPAINTING",
  "COLOR_GUIDED_GENERATION",
  "VIRTUAL_TRY_ON",
];
const WITH_PROMPT: TaskType[] = ["TEXT_IMAGE", "IMAGE_VARIATION", "INPAINTING", "OUTPAINTING", "COLOR_GUIDED_GENERATION"];

describe("prompt", () => {
  it.each(WITH_PROMPT)("%s accepts 1 and 1024 characters", (task) => {
    expect(parseOk(variant(task, { prompt: "a" }))).toMatchObject({ prompt: "a" });
    expect(parseOk(variant(task, { prompt: "x".repeat(1024) }))).toMatchObject({ prompt: "x".repeat(1024) });
  });

  it.each(WITH_PROMPT)("%s rejects 0 and 1025 characters", (task) => {
    expect(messagesFor(variant(task, { prompt: "" }), "prompt")).toEqual(["prompt must not be empty"]);
    expect(messagesFor(variant(task, { prompt: "x".repeat(1025) }), "prompt")).toEqual([
      "prompt must be at most 1024 characters (got 1025)",
    ]);
  });

  it("counts characters, not UTF-16 units (1024 emoji fit)", () => {
    expect(parseOk(variant("TEXT_IMAGE", { prompt: "🌊".repeat(1024) }))).toBeTruthy();
    expect(messagesFor(variant("TEXT_IMAGE", { prompt: "🌊".repeat(1025) }), "prompt")[0]).toContain("(got 1025)");
  });

  it("rejects a prompt of only spaces and a non-string prompt", () => {
    expect(messagesFor(variant("TEXT_IMAGE", { prompt: "   " }), "prompt")).toEqual(["prompt must not be only spaces"]);
    expect(messagesFor(variant("TEXT_IMAGE", { prompt: 42 }), "prompt")).toEqual(["prompt must be text (got 42)"]);
  });

  it.each(["TEXT_IMAGE", "OUTPAINTING", "COLOR_GUIDED_GENERATION"] as const)("is required for %s", (task) => {
    expect(messagesFor(variant(task, { prompt: undefined }), "prompt")).toEqual(["prompt is required"]);
  });

  it.each(["IMAGE_VARIATION", "INPAINTING"] as const)("is optional for %s", (task) => {
    expect(parseOk(variant(task, { prompt: undefined }))).not.toHaveProperty("prompt");
  });

  it.each(["BACKGROUND_REMOVAL", "VIRTUAL_TRY_ON"] as const)("is not a parameter of %s", (task) => {
    expect(messagesFor(variant(task, { prompt: "hi" }), "prompt")).toEqual([`prompt is not a parameter of ${task}`]);
  });
});

describe("negative_prompt", () => {
  it.each(["", "   "])("treats %j as absent", (value) => {
    const req = parseOk(variant("TEXT_IMAGE", { negative_prompt: value }));
    expect(req).not.toHaveProperty("negative_prompt");
  });

  it("accepts 1 and 1024 characters, rejects 1025", () => {
    expect(parseOk(variant("INPAINTING", { negative_prompt: "n" }))).toMatchObject({ negative_prompt: "n" });
    expect(parseOk(variant("TEXT_IMAGE", { negative_prompt: "n".repeat(1024) }))).toHaveProperty("negative_prompt");
    expect(messagesFor(variant("TEXT_IMAGE", { negative_prompt: "n".repeat(1025) }), "negative_prompt")).toEqual([
      "negative_prompt must be at most 1024 characters (got 1025)",
    ]);
  });

  it("is rejected where there is no prompt, even when empty is stripped elsewhere", () => {
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { negative_prompt: "blur" }), "negative_prompt")).toEqual([
      "negative_prompt is not a parameter of VIRTUAL_TRY_ON",
    ]);
  });
});

/**
 * Every free-text field of every task, and the URL form of every image field (stored verbatim in
 * the job's jsonb parameters): a NUL or an unpaired surrogate reached the database as a 500.
 */
const FREE_TEXT: [TaskType, string, Record<string, unknown>][] = [
  ...WITH_PROMPT.map((task): [TaskType, string, Record<string, unknown>] => [task, "prompt", {}]),
  ...WITH_PROMPT.map((task): [TaskType, string, Record<string, unknown>] => [task, "negative_prompt", {}]),
  ["INPAINTING", "mask_prompt", { mask_image: undefined }],
  ["INPAINTING", "inpaint_mask_prompt", { mask_image: undefined }],
  ["OUTPAINTING", "mask_prompt", {}],
  ["VIRTUAL_TRY_ON", "mask_prompt", { mask_type: "PROMPT", garment_class: undefined }],
];

describe("text the database cannot store", () => {
  it.each(FREE_TEXT)("%s %s: a NUL or an unpaired surrogate is refused with its position", (task, field, extra) => {
    expect(messagesFor(variant(task, { ...extra, [field]: "a red\u0000fox" }), field)).toEqual([
      `${field} must not contain NUL characters or unpaired surrogates (found a NUL at position 6)`,
    ]);
    expect(messagesFor(variant(task, { ...extra, [field]: "\ud800" }), field)).toEqual([
      `${field} must not contain NUL characters or unpaired surrogates (found an unpaired surrogate at position 1)`,
    ]);
  });

  it.each(FREE_TEXT)("%s %s: right-to-left, combining and emoji text is kept", (task, field, extra) => {
    const text = "שלום e\u0301 🦊";
    expect(parseOk(variant(task, { ...extra, [field]: text }))).toMatchObject({ [field]: text });
  });

  it("an image URL with a NUL is refused, naming the field", () => {
    expect(messagesFor(variant("IMAGE_VARIATION", { image: "https://example.com/a\u0000.png" }), "image")).toEqual([
      "image must not contain NUL characters or unpaired surrogates (found a NUL at position 22)",
    ]);
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined, images: ["https://example.com/\udc00"] }), "images")).toEqual([
      "images[0] must not contain NUL characters or unpaired surrogates (found an unpaired surrogate at position 21)",
    ]);
  });
});

// Found by the fuzz run: the copy made before the strict check assigned "__proto__", which set
// its prototype, so the key vanished and its fields were read as inherited parameters.
describe("__proto__ and other object plumbing as keys", () => {
  it("a JSON __proto__ key is an unknown parameter, not a prototype", () => {
    const input = JSON.parse('{"task_type":"TEXT_IMAGE","prompt":"a fox","__proto__":{"number_of_images":5,"quality":"premium"}}');
    expect(errorsOf(input)).toEqual([{ field: "__proto__", message: "__proto__ is not a parameter of TEXT_IMAGE" }]);
    expect(messagesFor(JSON.parse('{"prompt":"a fox","__proto__":"x"}'), "__proto__")).toEqual([
      "__proto__ is not a parameter of TEXT_IMAGE",
    ]);
  });

  it.each(["constructor", "prototype", "toString", "hasOwnProperty"])("%s is an unknown parameter", (key) => {
    expect(messagesFor(JSON.parse(`{"prompt":"a fox","${key}":{}}`), key)).toEqual([`${key} is not a parameter of TEXT_IMAGE`]);
  });
});

describe.each(GENERATIVE)("generation settings of %s", (task) => {
  const settingOk = (extra: Record<string, unknown>) => parseOk(variant(task, extra));
  const settingErr = (field: string, value: unknown) => messagesFor(variant(task, { [field]: value }), field);

  it("applies the defaults", () => {
    expect(settingOk({})).toMatchObject({ quality: "standard", number_of_images: 1, cfg_scale: 7.5 });
    expect(settingOk({})).not.toHaveProperty("seed");
  });

  it("cfg_scale: 1.1 and 10 ok, 1.09 and 10.01 rejected", () => {
    expect(settingOk({ cfg_scale: 1.1 })).toMatchObject({ cfg_scale: 1.1 });
    expect(settingOk({ cfg_scale: 10 })).toMatchObject({ cfg_scale: 10 });
    expect(settingErr("cfg_scale", 1.09)).toEqual(["cfg_scale must be between 1.1 and 10 (got 1.09)"]);
    expect(settingErr("cfg_scale", 10.01)).toEqual(["cfg_scale must be between 1.1 and 10 (got 10.01)"]);
    expect(settingErr("cfg_scale", 11)).toEqual(["cfg_scale must be between 1.1 and 10 (got 11)"]);
    expect(settingErr("cfg_scale", "7")).toEqual(['cfg_scale must be a number (got "7")']);
  });

  it("seed: 0 and 858993459 ok; -1, 858993460 and 1.5 rejected", () => {
    expect(settingOk({ seed: 0 })).toMatchObject({ seed: 0 });
    expect(settingOk({ seed: 858993459 })).toMatchObject({ seed: 858993459 });
    expect(settingErr("seed", -1)).toEqual(["seed must be between 0 and 858993459 (got -1)"]);
    expect(settingErr("seed", 858993460)).toEqual(["seed must be between 0 and 858993459 (got 858993460)"]);
    expect(settingErr("seed", 1.5)).toEqual(["seed must be a whole number between 0 and 858993459 (got 1.5)"]);
  });

  it("number_of_images: 1 and 5 ok; 0, 6 and 2.5 rejected", () => {
    expect(settingOk({ number_of_images: 1 })).toMatchObject({ number_of_images: 1 });
    expect(settingOk({ number_of_images: 5 })).toMatchObject({ number_of_images: 5 });
    expect(settingErr("number_of_images", 0)).toEqual(["number_of_images must be between 1 and 5 (got 0)"]);
    expect(settingErr("number_of_images", 6)).toEqual(["number_of_images must be between 1 and 5 (got 6)"]);
    expect(settingErr("number_of_images", 2.5)).toEqual([
      "number_of_images must be a whole number between 1 and 5 (got 2.5)",
    ]);
  });

  it("quality: standard and premium only", () => {
    expect(settingOk({ quality: "premium" })).toMatchObject({ quality: "premium" });
    expect(settingErr("quality", "ultra")).toEqual(['quality must be one of standard, premium (got "ultra")']);
  });

  it("rejects NaN and Infinity", () => {
    expect(settingErr("cfg_scale", Number.NaN)).toHaveLength(1);
    expect(settingErr("seed", Number.POSITIVE_INFINITY)).toHaveLength(1);
  });
});

describe("output size settings", () => {
  it.each(["TEXT_IMAGE", "IMAGE_VARIATION", "COLOR_GUIDED_GENERATION"] as const)("%s defaults to 1:1 small", (task) => {
    expect(parseOk(variant(task, {}))).toMatchObject({ aspect_ratio: "1:1", size_scale: "small" });
    expect(parseOk(variant(task, { aspect_ratio: "16:9", size_scale: "large" }))).toMatchObject({
      aspect_ratio: "16:9",
      size_scale: "large",
    });
  });

  it("rejects an unknown ratio or scale with the list of choices", () => {
    expect(messagesFor(variant("TEXT_IMAGE", { aspect_ratio: "5:4" }), "aspect_ratio")).toEqual([
      'aspect_ratio must be one of 1:1, 3:4, 2:3, 9:16, 1:2, 1:3, 1:4, 4:3, 3:2, 16:9, 2:1, 3:1, 4:1 (got "5:4")',
    ]);
    expect(messagesFor(variant("TEXT_IMAGE", { size_scale: "medium" }), "size_scale")).toEqual([
      'size_scale must be one of small, large (got "medium")',
    ]);
  });

  it.each(["INPAINTING", "OUTPAINTING", "VIRTUAL_TRY_ON", "BACKGROUND_REMOVAL"] as const)(
    "%s takes the input's size, so aspect_ratio is not a parameter",
    (task) => {
      expect(messagesFor(variant(task, { aspect_ratio: "1:1" }), "aspect_ratio")).toEqual([
        `aspect_ratio is not a parameter of ${task}`,
      ]);
    },
  );
});

describe("images", () => {
  it("accepts http(s) URLs, data: URLs and bare base64", () => {
    for (const image of ["http://x.test/a.jpg", "https://x.test/a.png", "data:image/png;base64,AAAA", "iVBORw0K+/=="]) {
      expect(parseOk(variant("BACKGROUND_REMOVAL", { image }))).toMatchObject({ image });
    }
  });

  it("rejects empty strings, non-strings and things that are no image reference", () => {
    expect(messagesFor(variant("BACKGROUND_REMOVAL", { image: "" }), "image")).toEqual(["image must not be empty"]);
    expect(messagesFor(variant("BACKGROUND_REMOVAL", { image: 3 }), "image")[0]).toContain("image must be an image");
    expect(messagesFor(variant("BACKGROUND_REMOVAL", { image: "C:\\photo.jpg" }), "image")).toEqual([
      "image must be an http(s) URL, a data: URL or base64 image data",
    ]);
  });

  it("rejects a huge non-image string quickly (no regex backtracking blow-up)", () => {
    expect(isImageSource(" ".repeat(200_000) + "!")).toBe(false);
    expect(isImageSource("A".repeat(200_000) + "==")).toBe(true);
  });

  it("does not echo a long value back in full", () => {
    const message = errorsOf(variant("TEXT_IMAGE", { style: "S".repeat(5000) }))[0].message;
    expect(message.length).toBeLessThan(300);
  });
});
