/**
 * A mask bitmap kept in step with a growing stroke list: when the new list only appends strokes
 * to the last one (a commit), just those are applied; anything else (undo, redo, another image)
 * replays the document. Undo and redo pop or push the last stroke only, so the common case after
 * every pointer-up costs one stroke, not the whole history.
 *
 * The bitmap is updated in place: callers that keep it across updates see the new pixels.
 */
import { applyStroke, rasterizeMask } from "@/lib/canvas/rasterize";
import { strokeBounds, unionRect, type PixelRect } from "@/lib/canvas/stroke-bounds";
import type { MaskBitmap, Stroke } from "@/lib/canvas/types";

/** Whether `next` is `prev` with strokes appended (strokes are immutable values, so identity works). */
export function extendsStrokes(prev: readonly Stroke[], next: readonly Stroke[]): boolean {
  if (next.length < prev.length) return false;
  for (let i = 0; i < prev.length; i++) if (prev[i] !== next[i]) return false;
  return true;
}

export class IncrementalRaster {
  private bitmap: MaskBitmap | null = null;
  private strokes: readonly Stroke[] = [];
  /**
   * What the last render changed: a rectangle when strokes were appended (empty when none were),
   * null when the bitmap was rendered anew or a stroke may have touched any pixel.
   */
  changed: PixelRect | null = null;

  render(width: number, height: number, strokes: readonly Stroke[]): MaskBitmap {
    const b = this.bitmap;
    if (!b || b.width !== width || b.height !== height || !extendsStrokes(this.strokes, strokes)) {
      this.bitmap = rasterizeMask({ width, height, strokes });
      this.changed = null;
    } else {
      // undefined: nothing appended yet (an empty rectangle at the origin would not be neutral).
      let changed: PixelRect | null | undefined;
      for (let i = this.strokes.length; i < strokes.length; i++) {
        applyStroke(b, strokes[i]);
        const bounds = strokeBounds(strokes[i], b);
        changed = changed === undefined ? bounds : unionRect(changed, bounds);
      }
      this.changed = changed === undefined ? { x0: 0, y0: 0, x1: 0, y1: 0 } : changed;
    }
    this.strokes = strokes;
    return this.bitmap!;
  }
}
