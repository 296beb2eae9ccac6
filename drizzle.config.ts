import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` needs no database: it diffs the schema against drizzle/meta snapshots.
// The app applies the generated SQL itself at start-up (lib/db/client.ts), for both drivers.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
