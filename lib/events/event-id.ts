import "server-only";
import { randomBytes } from "node:crypto";

/**
 * An event's id on the stream (the SSE `id`, sent back by the browser as `Last-Event-ID`):
 * `<epoch>-<sequence>`. The epoch is random per bus, i.e. per process lifetime, so an id from
 * before a restart (or from another instance behind a load balancer) never matches this bus's
 * sequence and the client is told to read everything again instead of silently missing events.
 */
export interface EventId {
  epoch: string;
  seq: number;
}

const ID = /^([a-z0-9]{1,16})-(\d{1,15})$/;

export function newEpoch(): string {
  // 8 characters of base 36: enough that two lifetimes never share one.
  return BigInt(`0x${randomBytes(6).toString("hex")}`).toString(36).padStart(8, "0").slice(-8);
}

export function formatEventId({ epoch, seq }: EventId): string {
  return `${epoch}-${seq}`;
}

/** Anything a client may send (absent, garbage, huge): an id, or null when it is not one of ours. */
export function parseEventId(value: string | null | undefined): EventId | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const m = ID.exec(value.trim());
  if (!m) return null;
  const seq = Number(m[2]);
  return Number.isSafeInteger(seq) ? { epoch: m[1], seq } : null;
}
