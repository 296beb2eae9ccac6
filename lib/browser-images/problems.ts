/**
 * An image value's problems under the contract's rules, each with the one-click fixes that
 * resolve it. The messages are the shared rules' own (`inputImageProblems`, `maskProblems` in
 * @/lib/models), so the form says exactly what the API would. Pure: the form can call it to
 * decide whether Run is allowed, and the component to draw the fix buttons.
 */
import { INPUT_IMAGE_LIMITS, inputImageProblems, maskProblems, type ImageFix } from "@/lib/models";
import { imageFactsOf, maskFactsOf, type ImageKind, type ImageValue, type Size } from "@/lib/browser-images/image-value";
import { formatLabel } from "@/lib/browser-images/sniff-format";

/** The rules' fixes plus two only masks have. */
export type ClientFix = ImageFix | "threshold" | "match-size";

export interface FixAction {
  fix: ClientFix;
  /** The button text: "Downscale to fit", "Pad to 4:1", "Flatten onto", … */
  label: string;
}

export interface ImageIssue {
  field: string;
  message: string;
  /** Empty when there is no automatic fix (a mask of another shape must be re-made). */
  fixes: FixAction[];
}

export interface IssueOptions {
  /** The request field: "image", "reference_image", "images[2]", "mask_image". */
  field: string;
  kind?: ImageKind;
  /** For masks: the size of the image it belongs to (null or absent: not known yet). */
  matchSize?: Size | null;
  /** For masks: the image's field, named in the size message. */
  imageField?: string;
}

/** Ratio text of the side the pad/crop fixes aim for: wide images go to 4:1, tall ones to 1:4. */
const targetRatio = (v: Size) => (v.width >= v.height ? `${INPUT_IMAGE_LIMITS.maxAspect}:1` : `1:${INPUT_IMAGE_LIMITS.maxAspect}`);

function aspectTooExtreme(v: Size): boolean {
  return Math.max(v.width, v.height) / Math.min(v.width, v.height) > INPUT_IMAGE_LIMITS.maxAspect;
}

/** The buttons for one of the rules' fixes, given the image it applies to. */
export function fixActionsFor(fix: ImageFix, v: Size): FixAction[] {
  switch (fix) {
    case "downscale":
      return [{ fix: "downscale", label: "Downscale to fit" }];
    case "flatten":
      return [{ fix: "flatten", label: "Flatten onto" }];
    case "convert":
      return [{ fix: "convert", label: "Convert to PNG" }];
    case "crop":
      return [{ fix: "crop", label: `Crop to ${targetRatio(v)}` }];
    case "pad": {
      if (!aspectTooExtreme(v)) {
        // Sides below the minimum: only padding helps (cropping never makes a side longer).
        return [{ fix: "pad", label: `Pad to at least ${INPUT_IMAGE_LIMITS.minSide} px` }];
      }
      const actions: FixAction[] = [{ fix: "pad", label: `Pad to ${targetRatio(v)}` }];
      // Cropping keeps the short side, so it only resolves the problem when that side is long enough.
      if (Math.min(v.width, v.height) >= INPUT_IMAGE_LIMITS.minSide) actions.push({ fix: "crop", label: `Crop to ${targetRatio(v)}` });
      return actions;
    }
  }
}

const sameAspect = (a: Size, b: Size) => Math.abs(a.width / a.height - b.width / b.height) <= 0.01 * (b.width / b.height);

function maskIssues(v: ImageValue, o: IssueOptions): ImageIssue[] {
  const field = o.field;
  const out: ImageIssue[] = [];
  if (v.format !== "png") {
    // Same text as the API's mask check: masks must be lossless.
    out.push({
      field,
      message: `${field} must be a PNG (got ${v.format}); lossy formats turn black and white into greys`,
      fixes: [{ fix: "convert", label: "Convert to PNG" }],
    });
  }
  // Only the two numbers: callers may pass the whole image value as matchSize.
  const size = o.matchSize ? { width: o.matchSize.width, height: o.matchSize.height } : { width: v.width, height: v.height };
  const facts = maskFactsOf(v);
  // Asked one rule at a time so each message gets its own fix without parsing the text.
  for (const p of maskProblems(field, { ...facts, nonBinaryPixels: 0 }, size, o.imageField)) {
    out.push({ field, message: p.message, fixes: sameAspect(v, size) ? [{ fix: "match-size", label: `Resize to ${size.width}×${size.height}` }] : [] });
  }
  for (const p of maskProblems(field, { ...facts, ...size }, size, o.imageField)) {
    out.push({ field, message: p.message, fixes: [{ fix: "threshold", label: "Make pure black and white" }] });
  }
  return out;
}

export function imageIssues(v: ImageValue, o: IssueOptions): ImageIssue[] {
  if (o.kind === "mask") return maskIssues(v, o);
  return inputImageProblems(o.field, imageFactsOf(v)).map((p) => ({
    field: p.field,
    message: p.message,
    fixes: p.fix ? fixActionsFor(p.fix, v) : [],
  }));
}

/** "1,234 × 567 · 1.2 MB · PNG" — the facts line under a preview. */
export function describeImage(v: Pick<ImageValue, "width" | "height" | "bytes" | "format">): string {
  return `${v.width} × ${v.height} · ${formatBytes(v.bytes)} · ${formatLabel(v.format)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
