/**
 * A tiny picture of each style preset, drawn with CSS gradients only (no images, no network):
 * the shapes and palette each style is known for, so the grid reads at a glance.
 */
import type { CSSProperties } from "react";
import type { Style } from "@/lib/models";

const layers = (color: string, ...images: string[]): CSSProperties => ({
  backgroundColor: color,
  backgroundImage: images.join(", "),
});

export const STYLE_SWATCHES: Record<Style | "", CSSProperties> = {
  // No preset: a neutral, empty canvas.
  "": layers("#fafafa", "repeating-linear-gradient(45deg, #e5e5e5 0 2px, transparent 2px 9px)"),
  // Glossy rounded shapes with soft light.
  "3D_ANIMATED_FAMILY_FILM": layers(
    "#cfe9ff",
    "radial-gradient(circle at 33% 40%, #fff3da 0 4%, #ffab4a 14%, #d96a12 27%, transparent 28%)",
    "radial-gradient(circle at 70% 60%, #eaf6ff 0 3%, #6fb6ff 11%, #2a6fc9 21%, transparent 22%)",
    "linear-gradient(180deg, #cfe9ff 0 62%, #9bd48a 62%)",
  ),
  // Pencil lines and hatching on paper.
  DESIGN_SKETCH: layers(
    "#fbfaf5",
    "radial-gradient(circle at 50% 52%, transparent 0 27%, #3f3f46 28% 30%, transparent 31%)",
    "linear-gradient(90deg, transparent 18%, #52525b 18% 19%, transparent 19% 81%, #52525b 81% 82%, transparent 82%)",
    "repeating-linear-gradient(-45deg, transparent 0 5px, #a1a1aa66 5px 6px)",
  ),
  // Flat shapes, hard edges, few colours.
  FLAT_VECTOR_ILLUSTRATION: layers(
    "#8ecae6",
    "radial-gradient(circle at 74% 30%, #ffb703 0 13%, transparent 13.5%)",
    "radial-gradient(ellipse 70% 55% at 22% 105%, #2a9d8f 0 99%, transparent 100%)",
    "radial-gradient(ellipse 75% 60% at 85% 112%, #264653 0 99%, transparent 100%)",
  ),
  // Ink, halftone dots, dramatic contrast.
  GRAPHIC_NOVEL_ILLUSTRATION: {
    ...layers(
      "#f5d90a",
      "radial-gradient(circle, #111 0 1.3px, transparent 1.8px)",
      "linear-gradient(115deg, transparent 0 52%, #111 52% 58%, #c1121f 58%)",
    ),
    backgroundSize: "6px 6px, 100% 100%",
  },
  // Dense, ornate, saturated layers.
  MAXIMALISM: {
    ...layers(
      "#8338ec",
      "radial-gradient(circle, #fff8 0 1.5px, transparent 2px)",
      "radial-gradient(circle at 74% 66%, #06d6a0 0 14%, #118ab2 15% 21%, #ffd166 22% 26%, transparent 27%)",
      "conic-gradient(from 20deg at 30% 40%, #ff006e, #fb5607, #ffbe0b, #8338ec, #3a86ff, #ff006e)",
    ),
    backgroundSize: "8px 8px, 100% 100%, 100% 100%",
  },
  // Muted 1950s–60s palette, simple geometry.
  MIDCENTURY_RETRO: layers(
    "#f4f1de",
    "radial-gradient(circle at 30% 42%, #e07a5f 0 19%, transparent 20%)",
    "linear-gradient(90deg, transparent 0 58%, #3d405b 58% 64%, transparent 64%)",
    "linear-gradient(180deg, #f2cc8f 0 62%, #81b29a 62%)",
  ),
  // Natural light: sky, horizon, sun glow, depth.
  PHOTOREALISM: layers(
    "#6b8fb8",
    "radial-gradient(circle at 70% 38%, #fffbe8 0 5%, #ffe2a855 12%, transparent 30%)",
    "linear-gradient(180deg, #4f7fb5 0%, #a8c6e2 48%, #d6c29c 56%, #8a7650 78%, #4b3f2a 100%)",
  ),
  // Soft edges and gentle blending.
  SOFT_DIGITAL_PAINTING: layers(
    "#fdf6ec",
    "radial-gradient(circle at 28% 34%, #f7b9c8 0, transparent 48%)",
    "radial-gradient(circle at 72% 58%, #aecff5 0, transparent 52%)",
    "radial-gradient(circle at 48% 92%, #c3eccb 0, transparent 46%)",
  ),
};
