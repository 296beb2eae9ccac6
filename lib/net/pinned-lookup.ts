import "server-only";
import { promises as dns, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";

/** Host name → every address it resolves to. Injectable so tests can play DNS. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystem: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** Set on the error a refused lookup fails the connection with. */
export const NOT_ALLOWED_CODE = "ENOTALLOWED";

/**
 * A `lookup` for node:http/node:https that resolves the host once, checks EVERY address it
 * got, and hands back only those. The socket connects to an address this function returned,
 * so a DNS answer that changes between the check and the connection (rebinding) never gets
 * through; one refused address refuses the host, so a mixed answer cannot be raced either.
 */
export function createPinnedLookup(resolve: ResolveHost, isAllowed: (ip: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    const answer = callback as (err: NodeJS.ErrnoException | null, address?: string | LookupAddress[], family?: number) => void;
    resolve(hostname).then(
      (found) => {
        const wanted = found.filter((a) => !options.family || options.family === a.family || options.family === `IPv${a.family}`);
        if (wanted.length === 0) return answer(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }));
        if (!found.every((a) => isAllowed(a.address))) {
          return answer(Object.assign(new Error(`${hostname} resolves to an address that is not allowed`), { code: NOT_ALLOWED_CODE }));
        }
        if (options.all) answer(null, wanted);
        else answer(null, wanted[0].address, wanted[0].family);
      },
      (err: NodeJS.ErrnoException) => answer(err),
    );
  };
}
