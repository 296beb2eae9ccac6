import { describe, expect, it } from "vitest";
import { isLocalOrigin } from "@/components/request-snippets/local-origin";

describe("isLocalOrigin", () => {
  it.each([
    "http://localhost:3000",
    "http://127.0.0.1:3500",
    "http://[::1]:3000",
    "http://10.1.2.3",
    "http://192.168.0.10:3000",
    "http://172.20.0.5",
    "http://studio.local",
    "not a url",
  ])("%s is local", (origin) => expect(isLocalOrigin(origin)).toBe(true));

  it.each(["https://play.example.com", "http://172.32.0.1", "https://8.8.8.8", "https://localhost.example.com"])(
    "%s is public",
    (origin) => expect(isLocalOrigin(origin)).toBe(false),
  );
});
