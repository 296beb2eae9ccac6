import "server-only";
import { AppError } from "@/lib/errors";
import { inspectImage, makeThumbnail, sha256Hex } from "@/lib/images";
import type { BlobStore } from "@/lib/storage";
import type { NewImage } from "@/lib/db/job-queries";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { UpstreamOutput } from "@/lib/upstream/parse-job";

/** Outputs are at most 2048² PNGs; the limit keeps a hostile response from exhausting memory. */
const MAX_OUTPUT_PIXELS = 4096 * 4096;

export interface CopyContext {
  jobId: string;
  seed: number | null;
  costMicrosFor: (size: { width: number; height: number }) => number;
  client: UpstreamClient;
  store: BlobStore;
}

async function readOutput(output: UpstreamOutput, client: UpstreamClient): Promise<Buffer> {
  if (output.kind === "b64") {
    const data = output.data.replace(/^data:[^,]*,/, "");
    return Buffer.from(data, "base64");
  }
  return (await client.download(output.url)).bytes;
}

/**
 * The thumbnail decodes the whole output: one that does not decode (cut short, damaged) is a
 * broken file from the gateway, which downloading again would not mend.
 */
async function thumbnailOf(bytes: Buffer, index: number): Promise<Buffer> {
  try {
    return await makeThumbnail(bytes, MAX_OUTPUT_PIXELS);
  } catch (e) {
    throw new AppError("invalid_request", `output ${index + 1} is truncated or corrupt (${(e as Error).message})`, { cause: e });
  }
}

/**
 * Copies every output into our storage before the job may be marked completed (upstream URLs
 * expire). Blob keys are derived from job id and index, so a copy repeated after a crash
 * overwrites the same files instead of adding new ones.
 */
export async function copyOutputs(outputs: UpstreamOutput[], ctx: CopyContext): Promise<NewImage[]> {
  const rows: NewImage[] = [];
  for (const [index, output] of outputs.entries()) {
    let bytes: Buffer;
    try {
      bytes = await readOutput(output, ctx.client);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") {
        throw new AppError("not_found", `Output ${index + 1} expired before it could be copied: ${e.message}`, { cause: e });
      }
      throw e;
    }
    const info = await inspectImage(bytes, { maxPixels: MAX_OUTPUT_PIXELS });
    const ext = info.format === "jpeg" ? "jpg" : info.format;
    const blobKey = `outputs/${ctx.jobId}/${index}.${ext}`;
    const thumbKey = `thumbs/${ctx.jobId}/${index}.webp`;
    const thumb = await thumbnailOf(bytes, index);
    await ctx.store.put(blobKey, bytes);
    await ctx.store.put(thumbKey, thumb);
    rows.push({
      index,
      seed: ctx.seed,
      width: info.width,
      height: info.height,
      contentType: info.contentType,
      blobKey,
      thumbKey,
      byteSize: bytes.length,
      sha256: sha256Hex(bytes),
      costMicros: ctx.costMicrosFor({ width: info.width, height: info.height }),
    });
  }
  return rows;
}
