import { spawnSync } from "node:child_process";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { ApiJob } from "@/lib/api-types";
import {
  buildRequestBody,
  curlSnippet,
  hasPlaceholders,
  pythonSnippet,
  shellQuote,
  SNIPPET_BUILDERS,
  typescriptSnippet,
} from "@/lib/request-snippets/request-snippets";
import { novaCanvas } from "@/lib/models";

const ORIGIN = "https://play.example.com";
const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);
const SHA_C = "c".repeat(64);

type JobLike = Pick<ApiJob, "params" | "taskType" | "model">;
const job = (params: Record<string, unknown>): JobLike => ({
  params,
  taskType: String(params.task_type),
  model: novaCanvas.id,
});

const textImage = job({
  task_type: "TEXT_IMAGE",
  prompt: "a lighthouse at dusk, it's \"stormy\" $HOME `date` \\ done",
  quality: "premium",
  number_of_images: 2,
  cfg_scale: 6.5,
  seed: 42,
  aspect_ratio: "16:9",
  size_scale: "small",
  // Not TEXT_IMAGE fields: must not travel.
  similarity_strength: 0.5,
  mask_prompt: "the sofa",
  control_mode: "SEGMENTATION",
});
const tryOn = job({
  task_type: "VIRTUAL_TRY_ON",
  image: { input: SHA_A },
  reference_image: { input: SHA_B },
  mask_type: "GARMENT",
  garment_class: "UPPER_BODY",
  prompt: "ignored",
});
const variation = job({ task_type: "IMAGE_VARIATION", images: [{ input: SHA_A }, "https://cdn.example.com/x.png", { input: SHA_C }] });

/** curl's arguments as bash itself parses the snippet (curl replaced by an argument dump). */
function curlArgsViaBash(snippet: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${snippet}`;
  const out = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", ...env } });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.split("\0").slice(0, -1);
}

/** The -d argument read back by hand: strip the quotes and undo `'\''`. */
function curlDataByHand(snippet: string): string {
  const m = /-d '([\s\S]*)'\n/.exec(snippet);
  if (!m) throw new Error("no -d argument");
  return m[1].replace(/'\\''/g, "'");
}

describe("buildRequestBody", () => {
  it("keeps only the task's fields and names the model", () => {
    const body = buildRequestBody(textImage, { origin: ORIGIN });
    expect(body).toEqual({
      model: novaCanvas.id,
      task_type: "TEXT_IMAGE",
      prompt: textImage.params.prompt,
      quality: "premium",
      number_of_images: 2,
      cfg_scale: 6.5,
      seed: 42,
      aspect_ratio: "16:9",
      size_scale: "small",
    });
    for (const unused of ["similarity_strength", "mask_prompt", "control_mode", "control_strength", "image"]) {
      expect(body).not.toHaveProperty(unused);
    }
    expect(buildRequestBody(tryOn, { origin: ORIGIN })).not.toHaveProperty("prompt");
  });

  it("turns stored inputs into absolute URLs of our storage", () => {
    const body = buildRequestBody(tryOn, { origin: `${ORIGIN}/` });
    expect(body.image).toBe(`${ORIGIN}/api/inputs/${SHA_A}`);
    expect(body.reference_image).toBe(`${ORIGIN}/api/inputs/${SHA_B}`);
    expect(hasPlaceholders(body)).toBe(false);
  });

  it("marks each image field with a named placeholder, and leaves http(s) URLs alone", () => {
    const body = buildRequestBody(tryOn, { origin: ORIGIN, images: "placeholder" });
    expect(body.image).toBe("<BASE64_PNG_OF_image>");
    expect(body.reference_image).toBe("<BASE64_PNG_OF_reference_image>");
    expect(hasPlaceholders(body)).toBe(true);
    expect(buildRequestBody(variation, { origin: ORIGIN, images: "placeholder" }).images).toEqual([
      "<BASE64_PNG_OF_images_1>",
      "https://cdn.example.com/x.png",
      "<BASE64_PNG_OF_images_3>",
    ]);
    expect(hasPlaceholders(buildRequestBody(textImage, { origin: ORIGIN, images: "placeholder" }))).toBe(false);
  });

  it("adds TEXT_IMAGE control defaults only with a condition image", () => {
    const body = buildRequestBody(job({ ...textImage.params, image: { input: SHA_A } }), { origin: ORIGIN });
    expect(body).toMatchObject({ image: `${ORIGIN}/api/inputs/${SHA_A}`, control_mode: "SEGMENTATION", control_strength: 0.7 });
  });
});

describe("snippets", () => {
  const bodies = [buildRequestBody(textImage, { origin: ORIGIN }), buildRequestBody(tryOn, { origin: ORIGIN, images: "placeholder" })];

  it("reference the key and base URL only through the environment", () => {
    for (const body of bodies) {
      const curl = curlSnippet(body);
      expect(curl).toContain('-H "Authorization: Bearer $EMPIRIOLABS_API_KEY"');
      expect(curl).toContain('"${EMPIRIOLABS_BASE_URL:-https://api.empiriolabs.ai}/v1/images/generations"');
      expect(curl).toMatch(/^# .*GET \/v1\/jobs\/\{job_id\}/m);
      const py = pythonSnippet(body);
      expect(py).toContain('os.environ["EMPIRIOLABS_API_KEY"]');
      expect(py).toContain('os.environ.get("EMPIRIOLABS_BASE_URL", "https://api.empiriolabs.ai")');
      const tsCode = typescriptSnippet(body);
      expect(tsCode).toContain("process.env.EMPIRIOLABS_API_KEY");
      expect(tsCode).toContain("process.env.EMPIRIOLABS_BASE_URL");
      for (const code of [curl, py, tsCode]) expect(code).not.toMatch(/sk-empiriolabs|Bearer sk-/);
    }
  });

  it("cURL: the -d argument parses back to the body, quotes and all", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    for (const body of bodies) {
      const curl = curlSnippet(body);
      expect(JSON.parse(curlDataByHand(curl))).toEqual(body);
      const args = curlArgsViaBash(curl);
      expect(JSON.parse(args[args.indexOf("-d") + 1])).toEqual(body);
    }
  });

  it("cURL: the shell fills in the base URL (default or from the environment) and the key", () => {
    const curl = curlSnippet(bodies[0]);
    expect(curlArgsViaBash(curl, { EMPIRIOLABS_API_KEY: "test-key" }).slice(0, 3)).toEqual([
      "-sS",
      "https://api.empiriolabs.ai/v1/images/generations",
      "-H",
    ]);
    const args = curlArgsViaBash(curl, { EMPIRIOLABS_API_KEY: "test-key", EMPIRIOLABS_BASE_URL: "http://127.0.0.1:4010" });
    expect(args[1]).toBe("http://127.0.0.1:4010/v1/images/generations");
    expect(args).toContain("Authorization: Bearer test-key");
  });

  it("cURL: placeholder mode says what to replace", () => {
    expect(curlSnippet(bodies[1])).toMatch(/^# Replace each <BASE64_PNG_OF_/m);
    expect(curlSnippet(bodies[0])).not.toContain("Replace each");
  });

  const python = spawnSync("python3", ["--version"]).status === 0;
  it.skipIf(!python)("Python: valid syntax, and the payload literal equals the body", () => {
    for (const body of bodies) {
      const code = pythonSnippet(body);
      const check = `import ast, json, sys\nsrc = sys.stdin.read()\ntree = ast.parse(src)\n` +
        `node = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "payload")\n` +
        `print(json.dumps(ast.literal_eval(node.value)))`;
      const out = spawnSync("python3", ["-c", check], { input: code, encoding: "utf8" });
      expect(out.status, out.stderr).toBe(0);
      expect(JSON.parse(out.stdout)).toEqual(body);
      expect(code).toMatch(/while True:[\s\S]*\("completed", "failed"\)/);
    }
  });

  it("TypeScript: parses without syntax errors and embeds the body", () => {
    for (const body of bodies) {
      const code = typescriptSnippet(body);
      const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
      expect(out.diagnostics ?? []).toEqual([]);
      const literal = /const body = ([\s\S]*?\n});\n/.exec(code);
      expect(JSON.parse(literal?.[1] ?? "")).toEqual(body);
      expect(code).toContain("/v1/jobs/");
    }
  });

  it("has a builder per language", () => {
    expect(Object.keys(SNIPPET_BUILDERS)).toEqual(["curl", "python", "typescript"]);
  });
});

describe("buildRequestBody for a catalog model", () => {
  it("writes the catalog model's own parameter names, with stored references as URLs", async () => {
    const { buildModelDetail } = await import("@/lib/emulator/catalog/catalog-json");
    const { SEEDREAM_LITE_ID } = await import("@/lib/emulator/catalog/models");
    const { parseModelDetail } = await import("@/lib/models/catalog");
    const { catalogDefinition } = await import("@/lib/models/catalog/catalog-definition");
    const entry = parseModelDetail(JSON.parse(JSON.stringify(buildModelDetail(SEEDREAM_LITE_ID)))).model!;
    const model = catalogDefinition(entry).definition!;
    const stored: JobLike = {
      model: SEEDREAM_LITE_ID,
      taskType: "TEXT_IMAGE",
      params: { task_type: "TEXT_IMAGE", model: SEEDREAM_LITE_ID, prompt: "make it stormy", number_of_images: 2, quality: "2K", seed: 9, images: [{ input: SHA_A }, { input: SHA_B }] },
    };
    expect(buildRequestBody(stored, { origin: ORIGIN, model })).toEqual({
      model: SEEDREAM_LITE_ID,
      prompt: "make it stormy",
      num_images: 2,
      quality: "2K",
      seed: 9,
      image: [`${ORIGIN}/api/inputs/${SHA_A}`, `${ORIGIN}/api/inputs/${SHA_B}`],
    });
  });

  it("shows the stored parameters as they are for a model no longer offered", () => {
    const gone: JobLike = { model: "gone-model", taskType: "TEXT_IMAGE", params: { task_type: "TEXT_IMAGE", prompt: "x" } };
    expect(buildRequestBody(gone, { origin: ORIGIN, model: null })).toEqual({ model: "gone-model", task_type: "TEXT_IMAGE", prompt: "x" });
  });
});
