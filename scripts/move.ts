/**
 * `npm run move -- --to-database postgres://… [--to-s3] [--into-non-empty]`: moves the embedded
 * install in $DATA_DIR into PostgreSQL and/or S3 (lib/move, its README). Progress on stdout, one
 * line at a time; a verification summary at the end. Exit 0 when everything verified, 1 when the
 * move failed or did not verify (the message says why), 2 for a bad command line.
 * No database password or S3 credential is ever printed.
 */
import { env } from "@/lib/env";
import { parseMoveArgs, USAGE, type MoveArgs } from "@/lib/move/cli-args";
import { MoveError } from "@/lib/move/move-error";
import { redactUrlsIn, scrubPassword } from "@/lib/move/redact-url";
import { runMove } from "@/lib/move/run-move";
import { s3BlobTarget } from "@/lib/move/s3-target";
import { summaryLines } from "@/lib/move/summary";

async function main(): Promise<number> {
  let args: MoveArgs;
  try {
    args = parseMoveArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`move: ${redactUrlsIn((e as Error).message)}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const e = env();
    if (e.DATABASE_URL) console.log("note: DATABASE_URL is set; the move reads the embedded database in $DATA_DIR all the same");
    if (e.S3_BUCKET && !args.toS3) console.log("note: S3_BUCKET is set but --to-s3 is not given: the blobs stay on disk, where an app using the bucket will not find them");
    const toBlobs = args.toS3 ? s3BlobTarget(e) : undefined;
    const result = await runMove({ dataDir: e.DATA_DIR, toDatabase: args.toDatabase, toBlobs, intoNonEmpty: args.intoNonEmpty, log: (line) => console.log(line) });
    console.log("");
    for (const line of summaryLines(result)) console.log(line);
    return result.ok ? 0 : 1;
  } catch (err) {
    const message = scrubPassword(err instanceof MoveError ? err.message : String((err as Error)?.stack ?? err), args.toDatabase);
    console.error(`move: failed: ${message}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`move: ${redactUrlsIn(String(err))}`);
    process.exit(1);
  },
);
