import { describe, expect, it } from "vitest";
import { isPublicAddress } from "@/lib/net/public-address";

/** Every address here is one a user-given URL could aim at; only the public ones may be fetched. */
describe("isPublicAddress", () => {
  it("accepts public IPv4 addresses, including the neighbours of refused ranges", () => {
    for (const ip of ["8.8.8.8", "1.1.1.1", "93.184.215.14", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.1", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.1", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255"]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it("refuses loopback, private, link-local, CGNAT, unspecified, multicast, reserved, benchmark and documentation IPv4", () => {
    const refused = {
      loopback: ["127.0.0.1", "127.255.255.254"],
      private: ["10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255"],
      "link-local and cloud metadata": ["169.254.169.254", "169.254.0.1"],
      "carrier-grade NAT": ["100.64.0.1", "100.127.255.255"],
      "this network / unspecified": ["0.0.0.0", "0.1.2.3"],
      multicast: ["224.0.0.1", "239.255.255.250"],
      "reserved and broadcast": ["240.0.0.1", "255.255.255.255"],
      benchmarking: ["198.18.0.1", "198.19.255.255"],
      documentation: ["192.0.2.1", "198.51.100.7", "203.0.113.9"],
      "protocol assignments and 6to4 relay": ["192.0.0.8", "192.88.99.1"],
    };
    for (const [kind, ips] of Object.entries(refused)) {
      for (const ip of ips) expect(isPublicAddress(ip), `${kind}: ${ip}`).toBe(false);
    }
  });

  it("accepts global unicast IPv6", () => {
    for (const ip of ["2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001:80b::200e", "2001:200::1"]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it("refuses IPv6 loopback, unspecified, link-local, unique local, multicast, documentation and protocol ranges", () => {
    const refused = ["::1", "::", "0:0:0:0:0:0:0:1", "fe80::1", "fe80::1%eth0", "febf::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "ff0e::1", "2001:db8::1", "3fff::1", "2001::1", "2001:2::1", "100::1", "64:ff9b:1::1"];
    for (const ip of refused) expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("judges IPv4-mapped, NAT64 and 6to4 addresses by the IPv4 address they carry", () => {
    const carried = (v4: string) => [`::ffff:${v4}`, `64:ff9b::${v4}`];
    for (const v4 of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "0.0.0.0", "192.168.1.1", "100.64.0.1"]) {
      for (const ip of carried(v4)) expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of carried("8.8.8.8")) expect(isPublicAddress(ip), ip).toBe(true);
    // The same addresses in hex words, as a URL parser writes them.
    expect(isPublicAddress("::ffff:7f00:1")).toBe(false);
    expect(isPublicAddress("::ffff:a9fe:a9fe")).toBe(false);
    expect(isPublicAddress("64:ff9b::a9fe:a9fe")).toBe(false);
    expect(isPublicAddress("::ffff:808:808")).toBe(true);
    // 6to4: the IPv4 address is in words 2 and 3.
    expect(isPublicAddress("2002:7f00:1::1")).toBe(false);
    expect(isPublicAddress("2002:a9fe:a9fe::")).toBe(false);
    expect(isPublicAddress("2002:808:808::1")).toBe(true);
  });

  it("refuses the deprecated IPv4-compatible form whatever it carries", () => {
    for (const ip of ["::127.0.0.1", "::7f00:1", "::10.0.0.1", "::8.8.8.8"]) expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("refuses anything that is not an IP address (host names are resolved first, elsewhere)", () => {
    for (const text of ["localhost", "example.com", "", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "[::1]", "1.2.3.4.5"]) {
      expect(isPublicAddress(text), JSON.stringify(text)).toBe(false);
    }
  });
});
