import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineHandle } from "@/lib/emulator/server";
import { download, pngSize, startTestEngine } from "@/lib/emulator/test-helpers";
import { novaCanvas } from "@/lib/models";

/** The gateway promises that OpenAI SDKs work as-is with "sync": true; so must the engine. */
let engine: EngineHandle;
let client: OpenAI;
beforeAll(async () => {
  engine = await startTestEngine();
  client = new OpenAI({ apiKey: "sk-test", baseURL: `${engine.url}/v1`, maxRetries: 0 });
});
afterAll(() => engine.close());

describe("official openai client", () => {
  it("generates an image URL that downloads as a PNG", async () => {
    const res = await client.images.generate({ model: novaCanvas.id, prompt: "a red fox", sync: true } as never);
    expect(res.data).toHaveLength(1);
    const png = await download(res.data![0].url!);
    expect(await pngSize(png)).toMatchObject({ format: "png", width: 1024, height: 1024 });
  });

  it("returns base64 with response_format b64_json, and n images", async () => {
    const res = await client.images.generate({
      model: novaCanvas.id,
      prompt: "a blue bird",
      n: 2,
      response_format: "b64_json",
      sync: true,
    } as never);
    expect(res.data).toHaveLength(2);
    const png = Buffer.from(res.data![0].b64_json!, "base64");
    expect(await pngSize(png)).toMatchObject({ format: "png" });
  });

  it("surfaces the engine's errors as SDK errors with status and param", async () => {
    const err = await client.images
      .generate({ model: novaCanvas.id, prompt: "x".repeat(1025), sync: true } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("prompt");
  });

  it("maps a wrong key to the SDK's AuthenticationError", async () => {
    const locked = await startTestEngine({ apiKey: "sk-right" });
    try {
      const wrong = new OpenAI({ apiKey: "sk-wrong", baseURL: `${locked.url}/v1`, maxRetries: 0 });
      await expect(wrong.images.generate({ model: novaCanvas.id, prompt: "x", sync: true } as never)).rejects.toBeInstanceOf(
        OpenAI.AuthenticationError,
      );
    } finally {
      await locked.close();
    }
  });
});
