import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EngineError, serverError } from "@/lib/emulator/api-error";
import { createContext, type EngineContext } from "@/lib/emulator/engine-context";
import { resolveEngineOptions, type EngineOptions } from "@/lib/emulator/engine-options";
import { sendError } from "@/lib/emulator/http-io";
import { dispatch } from "@/lib/emulator/router";

/**
 * The offline engine: a real HTTP server speaking the gateway contract, so the app's
 * upstream client is exercised exactly as against api.empiriolabs.ai. See README.md.
 */
export type { EngineOptions } from "@/lib/emulator/engine-options";

export interface EngineHandle {
  /** Base URL without /v1, e.g. http://127.0.0.1:4010. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Replaces the engine-wide fault spec (as PUT /_engine/faults does where served). Throws on bad syntax. */
  setFaults(spec: string): void;
}

export async function startEngine(opts: Partial<EngineOptions> = {}): Promise<EngineHandle> {
  const options = resolveEngineOptions(opts);
  const ctx = await createContext(options);
  const server = createServer((req, res) => void handle(ctx, req, res));
  // Headers arrive quickly from real clients; a stalled one should not pin a socket forever.
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(options.host)}:${port}`;
  ctx.origin = url;

  return {
    url,
    port,
    setFaults: (spec) => ctx.faults.set(spec),
    close: async () => {
      await new Promise<void>((resolve) => {
        for (const cancel of [...ctx.waiting]) cancel();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await ctx.jobs.settled();
    },
  };
}

async function handle(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  if (ctx.options.log) {
    res.once("finish", () => {
      const path = (req.url ?? "/").split("?")[0];
      console.log(`[engine] ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
  }
  try {
    await dispatch(ctx, req, res, originOf(req, ctx.origin));
  } catch (e) {
    if (!(e instanceof EngineError)) console.error("[engine] unexpected error:", e instanceof Error ? e.stack : e);
    const err = e instanceof EngineError ? e : serverError("Internal engine error");
    if (res.headersSent) res.destroy();
    else sendError(res, err);
  }
}

/** Output URLs use the host the client reached us by (a container name, a tunnel), if sane. */
function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  return host && /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) ? `http://${host}` : fallback;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
