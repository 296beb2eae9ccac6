import { expect, it } from "vitest";
import { galleryKeyAction } from "@/lib/gallery-ui/gallery-shortcuts";

const key = (k: string, o: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: unknown }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: null,
  ...o,
}) as Parameters<typeof galleryKeyAction>[0];

it("maps the gallery's keys, on Windows/Linux and Mac alike", () => {
  expect(galleryKeyAction(key("a", { ctrlKey: true }), false)).toBe("select-all");
  expect(galleryKeyAction(key("A", { metaKey: true }), false)).toBe("select-all");
  expect(galleryKeyAction(key("Escape"), false)).toBe("clear");
  expect(galleryKeyAction(key("Delete"), false)).toBe("delete");
  expect(galleryKeyAction(key("Backspace"), false)).toBe("delete");
  expect(galleryKeyAction(key("a"), false)).toBeNull();
  expect(galleryKeyAction(key("Delete", { ctrlKey: true }), false)).toBeNull();
  expect(galleryKeyAction(key("a", { ctrlKey: true, altKey: true }), false)).toBeNull();
});

it("does nothing while typing or while a dialog is open", () => {
  expect(galleryKeyAction(key("a", { ctrlKey: true, target: { tagName: "INPUT", type: "search" } }), false)).toBeNull();
  expect(galleryKeyAction(key("Backspace", { target: { tagName: "TEXTAREA" } }), false)).toBeNull();
  expect(galleryKeyAction(key("Delete", { target: { tagName: "INPUT", type: "checkbox" } }), false)).toBe("delete");
  expect(galleryKeyAction(key("Escape"), true)).toBeNull();
});
