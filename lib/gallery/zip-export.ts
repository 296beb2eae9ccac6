import "server-only";
/**
 * A ZIP of chosen images with a JSON of how each was made, streamed as it is built (fflate's
 * streaming Zip: images are stored as they are, PNG and JPEG being compressed already; the JSON
 * is deflated). Memory stays at about one image, whatever the selection's size.
 */
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { getDb } from "@/lib/db/client";
import { listImagesForExport } from "@/lib/db/image-bulk-queries";
import { validationFailed } from "@/lib/field-errors";
import { microsToUsd } from "@/lib/models";
import { getBlobStore } from "@/lib/storage";

export async function zipImages(ids: string[]): Promise<{ stream: ReadableStream<Uint8Array>; name: string }> {
  const rows = await listImagesForExport(await getDb(), ids);
  const found = new Map(rows.map((r) => [r.image.id, r]));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const m = `imageIds names ${missing.length} image${missing.length === 1 ? "" : "s"} that do not exist (${missing.slice(0, 3).join(", ")})`;
    throw validationFailed([{ field: "imageIds", message: m }]);
  }
  const ordered = ids.map((id) => found.get(id)!);
  const width = String(ordered.length).length;
  const store = getBlobStore();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        const manifest = [];
        for (const [i, r] of ordered.entries()) {
          const ext = r.image.blobKey.split(".").pop() ?? "png";
          const file = `${String(i + 1).padStart(width, "0")}-${r.taskType.toLowerCase()}-${r.image.id.slice(0, 8)}.${ext}`;
          const bytes = await store.get(r.image.blobKey);
          if (!bytes) throw new Error(`blob missing for image ${r.image.id}`);
          const entry = new ZipPassThrough(file);
          entry.mtime = r.image.createdAt;
          zip.add(entry);
          entry.push(new Uint8Array(bytes), true);
          manifest.push({
            file,
            id: r.image.id,
            jobId: r.image.jobId,
            taskType: r.taskType,
            model: r.model,
            prompt: r.prompt,
            seed: r.image.seed,
            width: r.image.width,
            height: r.image.height,
            costUsd: microsToUsd(r.image.costMicros),
            createdAt: r.image.createdAt.toISOString(),
            favorite: r.image.favorite,
            params: r.params,
          });
        }
        const json = new ZipDeflate("images.json", { level: 6 });
        zip.add(json);
        json.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
        zip.end();
      } catch (e) {
        zip.terminate();
        controller.error(e);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
  return { stream, name: `nova-images-${stamp}.zip` };
}
