"use client";

import { useLayoutEffect, type HTMLAttributes } from "react";
import { registerStandIn } from "@/lib/playground-form/loading-controls";

/**
 * What the form shows in place of a control whose code is still loading. While it is shown Run
 * stays disabled (lib/playground-form/loading-controls.ts says why). A layout effect, so the count changes
 * in the same commit as the page: Run is never enabled in a painted frame that holds a stand-in.
 */
export function ControlStandIn(props: HTMLAttributes<HTMLDivElement>) {
  useLayoutEffect(() => registerStandIn(), []);
  return <div {...props} />;
}
