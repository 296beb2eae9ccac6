"use client";
/**
 * How many of the form's controls are still stand-ins for code that is loading (the style
 * picker, the image inputs, …: kept out of the first load). Run stays disabled while any is: a
 * stand-in is rarely its control's exact height, so Run moves when the control replaces it, and
 * a click in that moment is lost (pressed on Run, released on whatever moved under the pointer:
 * the browser sends no click to either).
 */
import { create } from "zustand";

export const useLoadingControls = create<{ count: number }>()(() => ({ count: 0 }));

/** Counts one stand-in as shown; the returned function (idempotent) counts it gone. */
export function registerStandIn(): () => void {
  useLoadingControls.setState((s) => ({ count: s.count + 1 }));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    useLoadingControls.setState((s) => ({ count: s.count - 1 }));
  };
}

/** Whether any control of the form is still loading. */
export function useControlsLoading(): boolean {
  return useLoadingControls((s) => s.count > 0);
}
