import type { Metadata } from "next";
import { SharesList } from "@/components/share/shares-list";

export const metadata: Metadata = { title: "Shares · Nova Canvas Playground" };

export default function SharesPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">Shared galleries</h1>
      <SharesList />
    </div>
  );
}
