import "server-only";

/**
 * Whether the process's runtime (runtime.ts) is up, readable without loading it: GET /api/ready
 * asks on every probe, and importing runtime.ts would put the whole runtime (engine, models,
 * queue, tracker) into the probe's route bundle, evaluated again on its first request. The
 * state lives on globalThis, beside the runtime itself.
 */
export const RUNTIME_KEY: unique symbol = Symbol.for("nova-playground.runtime");
/** Set once the boot succeeded; the promise at RUNTIME_KEY is there from the boot's start. */
export const RUNTIME_BOOTED: unique symbol = Symbol.for("nova-playground.runtime-booted");
type Holder = { [RUNTIME_KEY]?: Promise<unknown>; [RUNTIME_BOOTED]?: boolean };

export function runtimeState(): "booted" | "booting" | "not started" {
  const holder = globalThis as Holder;
  if (holder[RUNTIME_BOOTED]) return "booted";
  return holder[RUNTIME_KEY] ? "booting" : "not started";
}
