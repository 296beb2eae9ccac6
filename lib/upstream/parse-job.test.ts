import { describe, expect, it } from "vitest";
import { parseUpstreamJob, readOutputs } from "./parse-job";

describe("parseUpstreamJob: the contract's job shape", () => {
  it("reads a queued job", () => {
    expect(
      parseUpstreamJob({
        job_id: "job_123",
        status: "queued",
        progress: 0,
        created_at: "2025-06-01T12:00:00Z",
        completed_at: null,
        result: null,
        error: null,
      }),
    ).toEqual({ jobId: "job_123", status: "queued", progress: 0, outputs: [], error: null, costMicros: null });
  });

  it("reads a processing job with fractional progress", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "processing", progress: 0.42, result: null, error: null })).toEqual({
      jobId: "j",
      status: "processing",
      progress: 0.42,
      outputs: [],
      error: null,
      costMicros: null,
    });
  });

  it("reads a completed job with the OpenAI images result (url and b64_json)", () => {
    const job = parseUpstreamJob({
      job_id: "job_9",
      status: "completed",
      progress: 1,
      created_at: "2025-06-01T12:00:00Z",
      completed_at: "2025-06-01T12:00:05Z",
      result: {
        created: 1748779205,
        data: [{ url: "https://cdn.example.com/a.png" }, { b64_json: "iVBORw0KGgo=" }],
      },
      error: null,
    });
    expect(job).toEqual({
      jobId: "job_9",
      status: "completed",
      progress: 1,
      outputs: [
        { kind: "url", url: "https://cdn.example.com/a.png" },
        { kind: "b64", data: "iVBORw0KGgo=" },
      ],
      error: null,
      costMicros: null,
    });
  });

  it("reads a failed job and its error", () => {
    expect(
      parseUpstreamJob({
        job_id: "job_f",
        status: "failed",
        progress: 0.3,
        result: null,
        error: { code: "content_filtered", message: "All images were blocked." },
      }),
    ).toEqual({
      jobId: "job_f",
      status: "failed",
      progress: 0.3,
      outputs: [],
      error: { code: "content_filtered", message: "All images were blocked." },
      costMicros: null,
    });
  });

  it("fills a missing error code and message with defaults", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "failed", error: {} }).error).toEqual({
      code: "upstream_error",
      message: "The job failed upstream.",
    });
    expect(parseUpstreamJob({ job_id: "j", status: "failed", error: { code: 7, message: null } }).error).toEqual({
      code: "upstream_error",
      message: "The job failed upstream.",
    });
  });
});

describe("parseUpstreamJob: status", () => {
  it("maps the documented statuses and common aliases, case-insensitively", () => {
    const cases: Array<[string, string]> = [
      ["queued", "queued"],
      ["pending", "queued"],
      ["processing", "processing"],
      ["running", "processing"],
      ["IN_PROGRESS", "processing"],
      ["completed", "completed"],
      ["Succeeded", "completed"],
      ["failed", "failed"],
      ["cancelled", "failed"],
      ["expired", "failed"],
    ];
    for (const [raw, expected] of cases) {
      expect(parseUpstreamJob({ job_id: "j", status: raw }).status, raw).toBe(expected);
    }
  });

  it("treats an unknown or missing status as processing", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "warming_up" }).status).toBe("processing");
    expect(parseUpstreamJob({ job_id: "j" }).status).toBe("processing");
    expect(parseUpstreamJob({ job_id: "j", status: 3 }).status).toBe("processing");
  });

  it("forces failed when an error object is present and the job is not completed", () => {
    const err = { code: "boom", message: "It broke." };
    expect(parseUpstreamJob({ job_id: "j", status: "processing", error: err })).toMatchObject({ status: "failed", error: err });
    expect(parseUpstreamJob({ job_id: "j", status: "queued", error: err }).status).toBe("failed");
    expect(parseUpstreamJob({ job_id: "j", error: err }).status).toBe("failed");
  });

  it("keeps completed when an error object accompanies a completed job", () => {
    const job = parseUpstreamJob({
      job_id: "j",
      status: "completed",
      result: { data: [{ url: "https://x/1.png" }] },
      error: { code: "partial", message: "1 of 2 images was blocked." },
    });
    expect(job.status).toBe("completed");
    expect(job.outputs).toEqual([{ kind: "url", url: "https://x/1.png" }]);
    expect(job.error).toEqual({ code: "partial", message: "1 of 2 images was blocked." });
  });

  it("ignores a non-object error", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "processing", error: "oops" })).toMatchObject({
      status: "processing",
      error: null,
    });
  });
});

describe("parseUpstreamJob: progress", () => {
  it("normalises percent to 0..1", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "processing", progress: 50 }).progress).toBe(0.5);
    expect(parseUpstreamJob({ job_id: "j", status: "processing", progress: 100 }).progress).toBe(1);
    expect(parseUpstreamJob({ job_id: "j", status: "processing", progress: 12.5 }).progress).toBe(0.125);
  });

  it("keeps fractions and clamps out-of-range values", () => {
    expect(parseUpstreamJob({ job_id: "j", progress: 0.75 }).progress).toBe(0.75);
    expect(parseUpstreamJob({ job_id: "j", progress: 1 }).progress).toBe(1);
    expect(parseUpstreamJob({ job_id: "j", progress: -0.2 }).progress).toBe(0);
    expect(parseUpstreamJob({ job_id: "j", progress: 250 }).progress).toBe(1);
  });

  it("reports null for missing or non-numeric progress", () => {
    expect(parseUpstreamJob({ job_id: "j" }).progress).toBeNull();
    expect(parseUpstreamJob({ job_id: "j", progress: "50" }).progress).toBeNull();
    expect(parseUpstreamJob({ job_id: "j", progress: Number.NaN }).progress).toBeNull();
    expect(parseUpstreamJob({ job_id: "j", progress: Number.POSITIVE_INFINITY }).progress).toBeNull();
  });
});

describe("parseUpstreamJob: result shapes", () => {
  const outputsOf = (result: unknown) => parseUpstreamJob({ job_id: "j", status: "completed", result }).outputs;

  it("reads result.data[].url", () => {
    expect(outputsOf({ data: [{ url: "https://cdn/1.png" }, { url: "https://cdn/2.png" }] })).toEqual([
      { kind: "url", url: "https://cdn/1.png" },
      { kind: "url", url: "https://cdn/2.png" },
    ]);
  });

  it("reads result.data[].b64_json", () => {
    expect(outputsOf({ created: 1, data: [{ b64_json: "AAAA" }, { b64_json: "BBBB" }] })).toEqual([
      { kind: "b64", data: "AAAA" },
      { kind: "b64", data: "BBBB" },
    ]);
  });

  it("prefers url over b64_json in one item", () => {
    expect(outputsOf({ data: [{ url: "https://cdn/1.png", b64_json: "AAAA" }] })).toEqual([
      { kind: "url", url: "https://cdn/1.png" },
    ]);
  });

  it("reads result.images[] as strings (URLs and base64) and as objects", () => {
    expect(outputsOf({ images: ["https://cdn/a.png", "iVBORw0KGgo=", { base64: "CCCC" }, { url: "http://cdn/b.png" }] })).toEqual([
      { kind: "url", url: "https://cdn/a.png" },
      { kind: "b64", data: "iVBORw0KGgo=" },
      { kind: "b64", data: "CCCC" },
      { kind: "url", url: "http://cdn/b.png" },
    ]);
  });

  it("reads result.output[]", () => {
    expect(outputsOf({ output: ["https://cdn/o1.png", { b64: "DDDD" }] })).toEqual([
      { kind: "url", url: "https://cdn/o1.png" },
      { kind: "b64", data: "DDDD" },
    ]);
  });

  it("reads result.urls[] as plain strings", () => {
    expect(outputsOf({ urls: ["https://cdn/u1.png", "https://cdn/u2.png"] })).toEqual([
      { kind: "url", url: "https://cdn/u1.png" },
      { kind: "url", url: "https://cdn/u2.png" },
    ]);
  });

  it("uses data before images, output and urls", () => {
    expect(outputsOf({ data: [{ url: "https://cdn/d.png" }], images: ["https://cdn/i.png"], urls: ["https://cdn/u.png"] })).toEqual([
      { kind: "url", url: "https://cdn/d.png" },
    ]);
    expect(outputsOf({ data: null, images: ["https://cdn/i.png"] })).toEqual([{ kind: "url", url: "https://cdn/i.png" }]);
  });

  it("skips unreadable items instead of failing", () => {
    expect(outputsOf({ data: [null, 3, "", {}, { url: "" }, { url: 5 }, [], { url: "https://cdn/ok.png" }] })).toEqual([
      { kind: "url", url: "https://cdn/ok.png" },
    ]);
  });

  it("yields no outputs for an unknown result shape", () => {
    expect(outputsOf({ created: 1, artifacts: [{ url: "https://cdn/x.png" }] })).toEqual([]);
    expect(outputsOf({ data: "https://cdn/x.png" })).toEqual([]);
    expect(outputsOf("https://cdn/x.png")).toEqual([]);
    expect(outputsOf(["https://cdn/x.png"])).toEqual([]);
    expect(outputsOf(null)).toEqual([]);
    expect(outputsOf(undefined)).toEqual([]);
  });

  it("readOutputs reads an OpenAI images response directly", () => {
    expect(readOutputs({ created: 1, data: [{ b64_json: "EEEE" }] })).toEqual([{ kind: "b64", data: "EEEE" }]);
  });
});

describe("parseUpstreamJob: cost", () => {
  it("reads a top-level cost in dollars as micro-dollars", () => {
    expect(parseUpstreamJob({ job_id: "j", status: "completed", cost: 0.12 }).costMicros).toBe(120_000);
    expect(parseUpstreamJob({ job_id: "j", status: "completed", cost: "0.36" }).costMicros).toBe(360_000);
    expect(parseUpstreamJob({ job_id: "j", status: "completed", cost: 0 }).costMicros).toBe(0);
  });

  it("reads usage.cost_usd at the top level and inside result", () => {
    expect(parseUpstreamJob({ job_id: "j", usage: { cost_usd: 0.24 } }).costMicros).toBe(240_000);
    expect(parseUpstreamJob({ job_id: "j", result: { data: [], usage: { cost_usd: 0.54 } } }).costMicros).toBe(540_000);
    expect(parseUpstreamJob({ job_id: "j", result: { data: [], cost: 0.18 } }).costMicros).toBe(180_000);
  });

  it("prefers the job's own figure over the result's", () => {
    expect(parseUpstreamJob({ job_id: "j", cost: 0.12, result: { usage: { cost_usd: 0.99 } } }).costMicros).toBe(120_000);
  });

  it("ignores negative, non-numeric and absent costs", () => {
    expect(parseUpstreamJob({ job_id: "j", cost: -1 }).costMicros).toBeNull();
    expect(parseUpstreamJob({ job_id: "j", cost: "free" }).costMicros).toBeNull();
    expect(parseUpstreamJob({ job_id: "j", cost: null, usage: null }).costMicros).toBeNull();
    expect(parseUpstreamJob({ job_id: "j" }).costMicros).toBeNull();
  });
});

describe("parseUpstreamJob: job id", () => {
  it("uses job_id, else id, else the fallback", () => {
    expect(parseUpstreamJob({ job_id: "a", id: "b" }, "c").jobId).toBe("a");
    expect(parseUpstreamJob({ id: "b" }, "c").jobId).toBe("b");
    expect(parseUpstreamJob({ status: "processing" }, "fallback-1").jobId).toBe("fallback-1");
    expect(parseUpstreamJob({ job_id: 42 }, "fallback-2").jobId).toBe("fallback-2");
    expect(parseUpstreamJob({ status: "processing" }).jobId).toBe("");
  });

  it("survives a body that is not an object", () => {
    for (const body of [null, undefined, "oops", 42, ["job"]]) {
      expect(parseUpstreamJob(body, "fb")).toEqual({
        jobId: "fb",
        status: "processing",
        progress: null,
        outputs: [],
        error: null,
        costMicros: null,
      });
    }
  });
});

describe("returned try-on masks", () => {
  it("marks an item with role mask so it is not taken for an image", () => {
    const job = parseUpstreamJob({
      job_id: "j",
      status: "completed",
      result: { data: [{ url: "https://x/0.png" }, { url: "https://x/1.png", role: "mask" }] },
    });
    expect(job.outputs).toEqual([
      { kind: "url", url: "https://x/0.png" },
      { kind: "url", url: "https://x/1.png", role: "mask" },
    ]);
  });
});
