/**
 * "Copy request": a past job as a ready-to-run gateway request (cURL, Python, TypeScript). Pure,
 * browser-safe. The API key only appears as an environment variable: the browser never has it.
 */
import type { ApiJob } from "@/lib/api-types";
import type { ModelDefinition } from "@/lib/models/model-definition";
import { getModel } from "@/lib/models/registry";
import { isTaskType } from "@/lib/models/task-types";

export const API_KEY_ENV = "EMPIRIOLABS_API_KEY";
export const BASE_URL_ENV = "EMPIRIOLABS_BASE_URL";
export const DEFAULT_BASE_URL = "https://api.empiriolabs.ai";

/** "urls": our stored inputs as absolute URLs; "placeholder": marked strings to replace by base64. */
export type ImageMode = "urls" | "placeholder";

type JobLike = Pick<ApiJob, "params" | "taskType" | "model">;
type Json = Record<string, unknown>;

function storedRef(value: unknown): string | null {
  const sha = typeof value === "object" && value !== null ? (value as { input?: unknown }).input : undefined;
  return typeof sha === "string" ? sha : null;
}

/** `<BASE64_PNG_OF_image>`, or `<BASE64_PNG_OF_images_2>` for the second item of a list. */
export function placeholderFor(field: string, position?: number): string {
  return `<BASE64_PNG_OF_${field}${position === undefined ? "" : `_${position + 1}`}>`;
}

export interface RequestBodyOptions {
  origin: string;
  images?: ImageMode;
  /**
   * The job's model, whose payload builder writes the body as the server sent it (a catalog
   * model's own parameter names); default: the built-in model with the job's id. Without one
   * (a model no longer offered), the stored parameters are shown as they are.
   */
  model?: Pick<ModelDefinition, "buildPayload"> | null;
}

/** The body of POST /v1/images/generations for a job, images resolved as `images` says. */
export function buildRequestBody(job: JobLike, opts: RequestBodyOptions): Json {
  const origin = opts.origin.replace(/\/+$/, "");
  const task = isTaskType(job.params.task_type) ? job.params.task_type : job.taskType;
  const model = opts.model === undefined ? getModel(job.model) : opts.model;
  const payload: Json =
    model && isTaskType(task) ? model.buildPayload({ ...job.params, task_type: task }) : { model: job.model, ...job.params };
  const resolve = (value: unknown, field: string, position?: number): unknown => {
    const sha = storedRef(value);
    return sha === null ? value : opts.images === "placeholder" ? placeholderFor(field, position) : `${origin}/api/inputs/${sha}`;
  };
  for (const [field, value] of Object.entries(payload)) {
    payload[field] = Array.isArray(value) ? value.map((v, i) => resolve(v, field, i)) : resolve(value, field);
  }
  return payload;
}

/** True when a body built with `images: "placeholder"` has images to fill in. */
export const hasPlaceholders = (body: Json): boolean => JSON.stringify(body).includes("<BASE64_PNG_OF_");

/** Single-quotes a string for POSIX shells: `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(body: Json): string {
  const base = `\${${BASE_URL_ENV}:-${DEFAULT_BASE_URL}}`;
  const auth = `-H "Authorization: Bearer $${API_KEY_ENV}"`;
  const note = hasPlaceholders(body)
    ? "# Replace each <BASE64_PNG_OF_…> with the image's base64 (base64 -w0 image.png). For large images,\n" +
      "# save the JSON as body.json and pass -d @body.json (a shell argument is limited to 128 KiB).\n"
    : "";
  return `${note}curl -sS "${base}/v1/images/generations" \\
  ${auth} \\
  -H "Content-Type: application/json" \\
  -d ${shellQuote(JSON.stringify(body, null, 2))}
# The reply holds a job_id. Poll GET /v1/jobs/{job_id} every few seconds until "status" is "completed" or "failed":
# curl -sS "${base}/v1/jobs/JOB_ID" ${auth}
`;
}

/** JSON as a Python literal (JSON string escapes are valid Python; true/false/null are not). */
export function toPython(value: unknown, indent = ""): string {
  const inner = `${indent}    `;
  const block = (open: string, items: string[], close: string) =>
    items.length === 0 ? open + close : `${open}\n${items.map((i) => `${inner}${i},`).join("\n")}\n${indent}${close}`;
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (Array.isArray(value)) return block("[", value.map((v) => toPython(v, inner)), "]");
  if (typeof value === "object") {
    return block("{", Object.entries(value as Json).map(([k, v]) => `${JSON.stringify(k)}: ${toPython(v, inner)}`), "}");
  }
  return JSON.stringify(value);
}

export function pythonSnippet(body: Json): string {
  return `import os
import time

import requests

API_KEY = os.environ["${API_KEY_ENV}"]
BASE_URL = os.environ.get("${BASE_URL_ENV}", "${DEFAULT_BASE_URL}")
HEADERS = {"Authorization": f"Bearer {API_KEY}"}

${hasPlaceholders(body) ? '# Replace each "<BASE64_PNG_OF_…>" with base64.b64encode(open("image.png", "rb").read()).decode()\n' : ""}payload = ${toPython(body)}

submitted = requests.post(f"{BASE_URL}/v1/images/generations", json=payload, headers=HEADERS, timeout=120)
submitted.raise_for_status()
job_id = submitted.json()["job_id"]

while True:
    time.sleep(2)
    res = requests.get(f"{BASE_URL}/v1/jobs/{job_id}", headers=HEADERS, timeout=30)
    if res.status_code == 429:
        time.sleep(float(res.headers.get("Retry-After", "5")))
        continue
    res.raise_for_status()
    job = res.json()
    if job["status"] in ("completed", "failed"):
        break

if job["status"] == "failed":
    raise SystemExit(f"Job failed: {job.get('error')}")
for item in (job.get("result") or {}).get("data", []):
    print(item.get("url") or "(image returned as base64)")
`;
}

/**
 * The text of a TypeScript program for the person to copy and run on their own machine: the
 * `process.env` in it is part of that program (where their key lives), not a read by this app,
 * which never sees the key in the browser (the app's own settings go through lib/env.ts).
 */
export function typescriptSnippet(body: Json): string {
  return `const API_KEY = process.env.${API_KEY_ENV};
if (!API_KEY) throw new Error("Set ${API_KEY_ENV}");
const BASE_URL = process.env.${BASE_URL_ENV} || "${DEFAULT_BASE_URL}";
const headers = { Authorization: \`Bearer \${API_KEY}\`, "Content-Type": "application/json" };

${hasPlaceholders(body) ? '// Replace each "<BASE64_PNG_OF_…>" with readFileSync("image.png").toString("base64") (from "node:fs").\n' : ""}const body = ${JSON.stringify(body, null, 2)};

type Job = { status: string; result?: { data?: { url?: string }[] } | null; error?: unknown };

async function main(): Promise<void> {
  const submitted = await fetch(\`\${BASE_URL}/v1/images/generations\`, { method: "POST", headers, body: JSON.stringify(body) });
  if (!submitted.ok) throw new Error(\`Submit failed: \${submitted.status} \${await submitted.text()}\`);
  const { job_id } = (await submitted.json()) as { job_id: string };

  let job: Job;
  do {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const res = await fetch(\`\${BASE_URL}/v1/jobs/\${job_id}\`, { headers });
    if (!res.ok) throw new Error(\`Poll failed: \${res.status} \${await res.text()}\`);
    job = (await res.json()) as Job;
  } while (job.status !== "completed" && job.status !== "failed");

  if (job.status === "failed") throw new Error(\`Job failed: \${JSON.stringify(job.error)}\`);
  for (const item of job.result?.data ?? []) console.log(item.url ?? "(image returned as base64)");
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

/** Each language's snippet from a body made by buildRequestBody. */
export const SNIPPET_BUILDERS = { curl: curlSnippet, python: pythonSnippet, typescript: typescriptSnippet };
export type SnippetLanguage = keyof typeof SNIPPET_BUILDERS;
