/**
 * Checks run on the rendered mask just before a job is submitted, so a wrong mask is caught in
 * the browser with a message a person can act on, instead of as a failed (and billed) job.
 * Errors block submission; warnings ask for confirmation.
 */
import { maskStats } from "@/lib/canvas/mask-export";
import type { MaskBitmap, Size } from "@/lib/canvas/types";

export type PreflightCode = "size-mismatch" | "not-binary" | "empty" | "everything-selected";

export interface PreflightIssue {
  code: PreflightCode;
  message: string;
}

export interface PreflightResult {
  ok: boolean;
  problems: PreflightIssue[];
  warnings: PreflightIssue[];
}

export function preflightMask(mask: MaskBitmap, imageSize: Size): PreflightResult {
  const problems: PreflightIssue[] = [];
  const warnings: PreflightIssue[] = [];
  const sizeMatches =
    mask.width === imageSize.width &&
    mask.height === imageSize.height &&
    mask.data.length === mask.width * mask.height;
  if (!sizeMatches) {
    problems.push({
      code: "size-mismatch",
      message: `The mask is ${mask.width}×${mask.height} but the image is ${imageSize.width}×${imageSize.height}. Repaint the mask on this image.`,
    });
  }
  const grey = countNonBinary(mask.data);
  if (grey > 0) {
    problems.push({
      code: "not-binary",
      message: `${grey} mask pixels are neither black nor white; the model needs a pure black-and-white mask.`,
    });
  }
  const stats = maskStats(mask);
  if (stats.empty) {
    problems.push({ code: "empty", message: "Nothing is painted. Paint the area the model should change." });
  } else if (stats.full) {
    warnings.push({
      code: "everything-selected",
      message: "The whole image is selected, so the model may change all of it.",
    });
  }
  return { ok: problems.length === 0, problems, warnings };
}

function countNonBinary(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0 && data[i] !== 255) n++;
  return n;
}
