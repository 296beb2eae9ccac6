import { parseArgs } from "node:util";

export interface MoveArgs {
  toDatabase?: string;
  toS3: boolean;
  intoNonEmpty: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run move -- [--to-database postgres://…] [--to-s3] [--into-non-empty]

Copies the embedded install in $DATA_DIR (PGlite in pglite/, images in blobs/, keys in secrets/)
into PostgreSQL and/or S3, then verifies every row and blob. Stop the app first.

  --to-database URL   copy every row into this PostgreSQL database (migrated first); leave the
                      password out of the URL and set PGPASSWORD (or use ~/.pgpass) to keep it
                      off the command line
  --to-s3             copy every blob into the bucket of S3_BUCKET (S3_ENDPOINT, S3_REGION,
                      S3_FORCE_PATH_STYLE, S3_PREFIX; credentials from the AWS SDK's chain)
  --into-non-empty    add to a database that holds rows of its own (otherwise refused)

Run it again after an interruption: it carries on and writes nothing twice.`;

/** The command line of `npm run move`; throws with a message for the user on a bad one. */
export function parseMoveArgs(argv: string[]): MoveArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      "to-database": { type: "string" },
      "to-s3": { type: "boolean", default: false },
      "into-non-empty": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const args: MoveArgs = {
    toDatabase: values["to-database"],
    toS3: values["to-s3"] === true,
    intoNonEmpty: values["into-non-empty"] === true,
    help: values.help === true,
  };
  if (args.help) return args;
  if (args.toDatabase !== undefined && !/^postgres(ql)?:\/\/./.test(args.toDatabase)) throw new Error("--to-database takes a postgres:// URL");
  if (!args.toDatabase && !args.toS3) throw new Error("give --to-database postgres://… and/or --to-s3");
  return args;
}
