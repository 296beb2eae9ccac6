"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

interface MenuButtonProps {
  /** Accessible name of the button and the menu, e.g. "Use result 1 as…". */
  label: string;
  /** Visible button text. */
  text: ReactNode;
  /** Open the menu above the button (at the bottom of a dialog) or below it. */
  placement?: "up" | "down";
  disabled?: boolean;
  /** The menu's content: elements with role="menuitem" (and optional role="group" wrappers). A click on an item closes the menu. */
  children: ReactNode;
}

const WIDTH = 272;
/** Open on the preferred side when at least this much room is there. */
const MIN_ROOM = 360;
const items = (menu: HTMLElement | null) => Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []);

/**
 * A button that opens a menu of actions (WAI-ARIA menu button): arrow keys, Home and End move
 * between items, Escape closes and returns focus, Tab or a click outside closes it. The menu is
 * fixed-positioned from the button (and follows it when the page scrolls), so a card's or a
 * dialog's overflow never clips it.
 */
export function MenuButton({ label, text, placement = "down", disabled, children }: MenuButtonProps) {
  const [pos, setPos] = useState<{ left: number; top?: number; bottom?: number; maxHeight: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const open = pos !== null;

  const close = (refocus = true) => {
    setPos(null);
    if (refocus) button.current?.focus();
  };

  /** Where the menu goes for the button's current place on screen: the preferred side, unless the other has more room. */
  const place = () => {
    const r = button.current?.getBoundingClientRect();
    if (!r) return;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - WIDTH - 8));
    const below = window.innerHeight - r.bottom - 12;
    const above = r.top - 12;
    const up = placement === "up" ? above >= MIN_ROOM || above > below : below < MIN_ROOM && above > below;
    setPos(up ? { left, bottom: window.innerHeight - r.top + 4, maxHeight: above } : { left, top: r.bottom + 4, maxHeight: below });
  };

  const toggle = () => (open ? close(false) : place());

  useEffect(() => {
    if (!open) return;
    items(menu.current)[0]?.focus({ preventScroll: true });
    const outside = (e: Event) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setPos(null);
    };
    // The menu is fixed: when the page scrolls or resizes, it follows its button.
    const follow = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) place();
    };
    document.addEventListener("pointerdown", outside, true);
    document.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      document.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
    // place() reads only refs and the placement prop; re-subscribing when it changes is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items(menu.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(list.length - 1);
    else if (e.key === "Escape") close();
    else if (e.key === "Tab") return close(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={disabled}
        onClick={toggle}
        className="rounded-md border border-neutral-300 bg-white px-2 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100 disabled:opacity-60"
      >
        {text}
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          onClick={(e) => {
            if ((e.target as HTMLElement).closest('[role="menuitem"]')) close();
          }}
          style={{ ...pos, width: WIDTH }}
          className="fixed z-50 overflow-y-auto rounded-md border border-neutral-200 bg-white py-1 text-sm shadow-lg"
        >
          {children}
        </div>
      )}
    </>
  );
}
