import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { findPostgresBin, startPostgres } from "@/lib/testing/postgres-server";

describe("startPostgres", () => {
  it("runs a throwaway server on 127.0.0.1 and removes it on stop", async () => {
    const server = await startPostgres();
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/nova_test$/);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ addr: string; db: string }>(
      "select inet_server_addr()::text as addr, current_database() as db",
    );
    expect(rows[0]).toEqual({ addr: "127.0.0.1/32", db: "nova_test" });
    const dir = (await client.query<{ d: string }>("select current_setting('data_directory') as d")).rows[0].d;
    await client.end();
    await server.stop();
    expect(existsSync(dir)).toBe(false);
    await server.stop(); // idempotent
  });

  it("says how to install the binaries when there are none", () => {
    expect(() => findPostgresBin("/nonexistent")).toThrow(/apt-get install -y postgresql/);
  });
});
