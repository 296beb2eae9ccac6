import type { Metadata } from "next";
import { PromptHistoryManager } from "@/components/prompt-history/prompt-history-manager";

export const metadata: Metadata = { title: "Prompts · Nova Canvas Playground" };

export default function PromptsPage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Prompt history</h1>
        <p className="text-sm text-neutral-600">
          Every prompt and negative prompt you ran, with how often and when. In the playground, press Ctrl/⌘+K in a prompt field (or its History button) to search them.
        </p>
      </div>
      <PromptHistoryManager />
    </div>
  );
}
