import type { Metadata } from "next";
import { SweepLauncher } from "@/components/sweeps/sweep-launcher";
import { SweepsList } from "@/components/sweeps/sweeps-list";

export const metadata: Metadata = { title: "Sweeps · Nova Canvas Playground" };

export default function SweepsPage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Sweeps</h1>
        <span className="flex-1" />
        <span className="text-sm text-neutral-600">From the playground&apos;s current form:</span>
        <SweepLauncher />
      </div>
      <SweepsList />
    </div>
  );
}
