"use client";
/**
 * What Run waits for besides a valid form, each a count of things in flight:
 * - controls that are still stand-ins for code that is loading (the style picker, the image
 *   inputs, …: kept out of the first load). A stand-in is rarely its control's exact height, so
 *   Run moves when the control replaces it, and a click in that moment is lost (pressed on Run,
 *   released on whatever moved under the pointer: the browser sends no click to either);
 * - painted masks being exported into the form (a stroke, or Done in the editor, is turned into
 *   the PNG shortly after): a run in that moment would send the mask as it was before.
 */
import { create } from "zustand";

function inFlightCounter() {
  const store = create<{ count: number }>()(() => ({ count: 0 }));
  /** Counts one as started; the returned function (idempotent) counts it done. */
  const register = (): (() => void) => {
    store.setState((s) => ({ count: s.count + 1 }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      store.setState((s) => ({ count: s.count - 1 }));
    };
  };
  return { store, register };
}

const standIns = inFlightCounter();
const maskExports = inFlightCounter();

export const useLoadingControls = standIns.store;
export const registerStandIn = standIns.register;
export const useMaskExports = maskExports.store;
export const registerMaskExport = maskExports.register;

/** Whether any control of the form is still loading. */
export function useControlsLoading(): boolean {
  return useLoadingControls((s) => s.count > 0);
}

/** Whether a painted mask is still being written into the form. */
export function useMaskExportPending(): boolean {
  return useMaskExports((s) => s.count > 0);
}

export const maskExportPending = (): boolean => useMaskExports.getState().count > 0;
