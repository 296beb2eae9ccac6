import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * Whether an IP address is on the public internet, so a server may fetch a user-given URL from
 * it without reaching into this machine or its networks. Allow-list thinking for IPv6 (only
 * global unicast 2000::/3 can pass) and the IANA special-purpose registries for both families.
 * IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that address, so
 * `::ffff:127.0.0.1` is loopback and `64:ff9b::a9fe:a9fe` is the metadata address 169.254.169.254;
 * the deprecated IPv4-compatible form (`::127.0.0.1`) is refused whatever it carries.
 */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return !IPV4_NOT_PUBLIC.check(ip, "ipv4");
  // A zone id (fe80::1%eth0) only exists for link-scoped addresses.
  if (family !== 6 || ip.includes("%")) return false;
  const words = ipv6Words(ip);
  const embedded = embeddedIpv4(words);
  if (embedded) return !IPV4_NOT_PUBLIC.check(embedded, "ipv4");
  return GLOBAL_UNICAST.check(ip, "ipv6") && !IPV6_NOT_PUBLIC.check(ip, "ipv6");
}

function blockList(family: "ipv4" | "ipv6", subnets: [string, number][]): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of subnets) list.addSubnet(net, prefix, family);
  return list;
}

const IPV4_NOT_PUBLIC = blockList("ipv4", [
  ["0.0.0.0", 8], // "this network", with 0.0.0.0 (unspecified: connects to this host)
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.88.99.0", 24], // 6to4 relay anycast (deprecated)
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, with the broadcast address 255.255.255.255
]);

/** Everything outside 2000::/3 (loopback, unspecified, link-local, unique local, multicast, …) is refused. */
const GLOBAL_UNICAST = blockList("ipv6", [["2000::", 3]]);

const IPV6_NOT_PUBLIC = blockList("ipv6", [
  ["2001::", 23], // IETF protocol assignments: Teredo (embeds an IPv4 address), benchmarking, ORCHID
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation (RFC 9637)
]);

/** The eight 16-bit words of an IPv6 address; WHATWG URL parsing writes it in hex, `::` at most once. */
function ipv6Words(ip: string): number[] {
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const parse = (part: string) => (part ? part.split(":").map((w) => parseInt(w, 16)) : []);
  const [head, tail] = canonical.split("::");
  if (tail === undefined) return parse(head);
  const before = parse(head);
  const after = parse(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

const dotted = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 address, if any. The deprecated
 * IPv4-compatible form (::a.b.c.d) needs no case: it lies outside 2000::/3, so it is refused.
 */
function embeddedIpv4(w: number[]): string | undefined {
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return dotted(w[6], w[7]); // ::ffff:a.b.c.d
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return dotted(w[6], w[7]); // 64:ff9b::a.b.c.d
  if (w[0] === 0x2002) return dotted(w[1], w[2]); // 2002:aabb:ccdd::/48
  return undefined;
}
