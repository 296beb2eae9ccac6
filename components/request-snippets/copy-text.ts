export type CopyOutcome = "copied" | "selected" | "failed";

function selectContents(el: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection) return false;
  const range = document.createRange();
  range.selectNodeContents(el);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Copies with the async Clipboard API; where it is missing or refused (plain-http origins,
 * permissions), selects `fallback`'s text and tries the legacy copy command, so at worst the
 * person only has to press Ctrl+C.
 */
export async function copyText(text: string, fallback: HTMLElement | null): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // Fall through to the selection.
  }
  if (!fallback || !selectContents(fallback)) return "failed";
  try {
    // Deprecated, but the only synchronous way left where the Clipboard API is unavailable.
    if (document.execCommand("copy")) return "copied";
  } catch {
    // The selection stays for a manual copy.
  }
  return "selected";
}

export const COPY_MESSAGES: Record<CopyOutcome, string> = {
  copied: "Copied",
  selected: "Selected: press Ctrl+C (⌘C on a Mac) to copy",
  failed: "Could not copy: select the code and copy it by hand",
};
