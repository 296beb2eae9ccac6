/**
 * The part of the screen a card can be seen in: the viewport, less what clips it (the results
 * column on wide screens) and what covers it (the Run bar, fixed at the bottom on phones).
 */
function visibleBand(el: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (!/auto|scroll/.test(getComputedStyle(p).overflowY)) continue;
    const r = p.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  const bar = document.getElementById("run-bar");
  if (bar && getComputedStyle(bar).position === "fixed") bottom = Math.min(bottom, bar.getBoundingClientRect().top);
  return { top, bottom };
}

/**
 * A run just started: its card (first in the list) is brought into view unless it already is.
 * On wide screens that scrolls the results column to its top; on phones, where the runs come
 * after the form, the page scrolls down to the card, its top under the screen's top so its
 * images appear below it as they come (a person who pressed Run looks for the run, and can
 * scroll back up to the form; Run itself stays at hand in the fixed bar). Instant with reduced motion.
 */
export function revealNewRun(item: HTMLElement) {
  const r = item.getBoundingClientRect();
  const band = visibleBand(item);
  if (r.top >= band.top && r.bottom <= band.bottom) return;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  item.scrollIntoView({ block: "start", behavior: still ? "instant" : "smooth" });
}
