import { formatLabel, type ClientFix, type ImageValue } from "@/lib/browser-images";

/** What a fix did, said after the fact (the fix's button disappears with its problem). */
export function fixNotice(fix: ClientFix, v: ImageValue, colour: string): string {
  const size = `${v.width}×${v.height}`;
  switch (fix) {
    case "downscale":
      return `Downscaled to ${size}.`;
    case "pad":
      return `Padded to ${size} with ${colour}.`;
    case "crop":
      return `Cropped to ${size}.`;
    case "flatten":
      return `Flattened onto ${colour}; saved as ${formatLabel(v.format)}.`;
    case "convert":
      return `Converted to ${formatLabel(v.format)}.`;
    case "threshold":
      return "Made pure black and white.";
    case "match-size":
      return `Resized to ${size}.`;
  }
}
