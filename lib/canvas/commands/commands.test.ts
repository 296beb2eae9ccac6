import { describe, expect, it } from "vitest";
import { redoCommand, undoCommand } from "@/lib/canvas/commands/edit-commands";
import { displayShortcut, isTypingTarget, matchesShortcut, parseShortcut, type KeyLike } from "@/lib/canvas/commands/keys";
import { growMaskCommand, shrinkMaskCommand } from "@/lib/canvas/commands/mask-commands";
import { commandById, commandForKey, COMMANDS, runCommand } from "@/lib/canvas/commands/registry";
import { TOOL_COMMANDS } from "@/lib/canvas/commands/tool-commands";
import type { EditorActions } from "@/lib/canvas/commands/types";
import { TOOL_IDS } from "@/lib/canvas/editor/tool-ids";

function key(k: string, mods: Partial<Omit<KeyLike, "key">> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

/** EditorActions that record every call as [name, ...args]. */
function recorder(state: { canUndo?: boolean; canRedo?: boolean; amount?: number } = {}) {
  const calls: unknown[][] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const actions: EditorActions = {
    commit: rec("commit"),
    undo: rec("undo"),
    redo: rec("redo"),
    canUndo: () => state.canUndo ?? true,
    canRedo: () => state.canRedo ?? true,
    setTool: rec("setTool"),
    scaleBrush: rec("scaleBrush"),
    setZoom: rec("setZoom"),
    stepZoom: rec("stepZoom"),
    toggleMaskView: rec("toggleMaskView"),
    toggleOverlay: rec("toggleOverlay"),
    toggleShapeMode: rec("toggleShapeMode"),
    toggleHelp: rec("toggleHelp"),
    morphologyAmount: () => state.amount ?? 3,
  };
  return { actions, calls };
}

/** The key events a shortcut spec describes, with Ctrl and with Cmd for "Mod". */
function eventsFor(spec: string): KeyLike[] {
  const s = parseShortcut(spec);
  const k = /^[a-z]$/.test(s.key) ? (s.shift ? s.key.toUpperCase() : s.key) : spec === "+" ? "+" : spec.split("+").pop()!;
  const base = { shiftKey: s.shift, altKey: s.alt };
  if (!s.mod) return [key(k, base)];
  return [key(k, { ...base, ctrlKey: true }), key(k, { ...base, metaKey: true })];
}

describe("parseShortcut", () => {
  it("splits modifiers from the key, and treats a lone + as the key", () => {
    expect(parseShortcut("Shift+Mod+Z")).toEqual({ key: "z", mod: true, shift: true, alt: false });
    expect(parseShortcut("+")).toEqual({ key: "+", mod: false, shift: false, alt: false });
    expect(parseShortcut("Shift+Delete")).toEqual({ key: "delete", mod: false, shift: true, alt: false });
  });
});

describe("matchesShortcut", () => {
  it("Mod is Ctrl or Cmd, and is required", () => {
    expect(matchesShortcut(key("z", { ctrlKey: true }), "Mod+Z")).toBe(true);
    expect(matchesShortcut(key("z", { metaKey: true }), "Mod+Z")).toBe(true);
    expect(matchesShortcut(key("z"), "Mod+Z")).toBe(false);
    expect(matchesShortcut(key("z", { ctrlKey: true, altKey: true }), "Mod+Z")).toBe(false);
    // A Mod shortcut does not fire for the plain letter, and a plain letter not for Ctrl+letter.
    expect(matchesShortcut(key("b", { ctrlKey: true }), "B")).toBe(false);
    expect(matchesShortcut(key("b", { metaKey: true }), "B")).toBe(false);
  });

  it("distinguishes Shift+Mod+Z from Mod+Z", () => {
    const redo = key("Z", { ctrlKey: true, shiftKey: true });
    const undo = key("z", { ctrlKey: true });
    expect(matchesShortcut(redo, "Shift+Mod+Z")).toBe(true);
    expect(matchesShortcut(redo, "Mod+Z")).toBe(false);
    expect(matchesShortcut(undo, "Mod+Z")).toBe(true);
    expect(matchesShortcut(undo, "Shift+Mod+Z")).toBe(false);
    expect(matchesShortcut(key("Z", { metaKey: true, shiftKey: true }), "Shift+Mod+Z")).toBe(true);
  });

  it("ignores Shift for symbols: [ ] ? + match with or without it", () => {
    expect(matchesShortcut(key("["), "[")).toBe(true);
    expect(matchesShortcut(key("[", { shiftKey: true }), "[")).toBe(true);
    expect(matchesShortcut(key("?", { shiftKey: true }), "?")).toBe(true);
    expect(matchesShortcut(key("?"), "?")).toBe(true);
    expect(matchesShortcut(key("+", { shiftKey: true }), "+")).toBe(true);
    expect(matchesShortcut(key("]"), "[")).toBe(false);
    expect(matchesShortcut(key("/", { shiftKey: true }), "?")).toBe(false);
  });

  it("requires Shift to match exactly for letters and named keys", () => {
    expect(matchesShortcut(key("i"), "I")).toBe(true);
    expect(matchesShortcut(key("I", { shiftKey: true }), "I")).toBe(false);
    expect(matchesShortcut(key("F", { shiftKey: true }), "Shift+F")).toBe(true);
    expect(matchesShortcut(key("f"), "Shift+F")).toBe(false);
    // Caps Lock: an upper-case key without Shift still is the plain letter.
    expect(matchesShortcut(key("I"), "I")).toBe(true);
    expect(matchesShortcut(key("Delete", { shiftKey: true }), "Shift+Delete")).toBe(true);
    expect(matchesShortcut(key("Delete"), "Shift+Delete")).toBe(false);
    expect(matchesShortcut(key("Backspace"), "Shift+Backspace")).toBe(false);
  });
});

describe("commandForKey", () => {
  it.each([
    [key("b"), "tool-brush"],
    [key("e"), "tool-eraser"],
    [key("r"), "tool-rect"],
    [key("l"), "tool-lasso"],
    [key("p"), "tool-polygon"],
    [key("h"), "tool-hand"],
    [key("z", { ctrlKey: true }), "undo"],
    [key("z", { metaKey: true }), "undo"],
    [key("Z", { ctrlKey: true, shiftKey: true }), "redo"],
    [key("y", { ctrlKey: true }), "redo"],
    [key("0"), "zoom-fit"],
    [key("1"), "zoom-100"],
    [key("2"), "zoom-200"],
    [key("4"), "zoom-400"],
    [key("+", { shiftKey: true }), "zoom-in"],
    [key("="), "zoom-in"],
    [key("-"), "zoom-out"],
    [key("?", { shiftKey: true }), "help"],
    [key("["), "brush-smaller"],
    [key("]"), "brush-larger"],
    [key("x"), "shape-mode"],
    [key("i"), "invert"],
    [key("F", { shiftKey: true }), "fill-all"],
    [key("Backspace", { shiftKey: true }), "clear"],
    [key("Delete", { shiftKey: true }), "clear"],
    [key("G", { shiftKey: true }), "grow"],
    [key("S", { shiftKey: true }), "shrink"],
    [key("m"), "mask-view"],
    [key("v"), "overlay"],
  ])("%o runs %s", (e, id) => {
    expect(commandForKey(e)?.id).toBe(id);
  });

  it("finds nothing for unbound keys and browser shortcuts", () => {
    expect(commandForKey(key("q"))).toBeUndefined();
    expect(commandForKey(key("Backspace"))).toBeUndefined();
    expect(commandForKey(key("Enter"))).toBeUndefined();
    expect(commandForKey(key("Escape"))).toBeUndefined();
    expect(commandForKey(key("0", { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key("c", { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key("f"))).toBeUndefined();
    expect(commandForKey(key("B", { shiftKey: true }))).toBeUndefined();
  });
});

describe("isTypingTarget", () => {
  it.each([
    [{ tagName: "TEXTAREA" }, true],
    [{ tagName: "textarea" }, true],
    [{ tagName: "SELECT" }, true],
    [{ tagName: "INPUT" }, true],
    [{ tagName: "INPUT", type: "text" }, true],
    [{ tagName: "INPUT", type: "number" }, true],
    [{ tagName: "INPUT", type: "search" }, true],
    [{ tagName: "INPUT", type: "range" }, false],
    [{ tagName: "INPUT", type: "checkbox" }, false],
    [{ tagName: "INPUT", type: "button" }, false],
    [{ tagName: "INPUT", type: "radio" }, false],
    [{ tagName: "DIV" }, false],
    [{ tagName: "BUTTON" }, false],
    [{ tagName: "DIV", isContentEditable: true }, true],
    [{}, false],
    [null, false],
    [undefined, false],
  ])("%o → %s", (target, expected) => {
    expect(isTypingTarget(target)).toBe(expected);
  });
});

describe("displayShortcut", () => {
  it("shows Mod as Ctrl+ on other systems and ⌘ on a Mac", () => {
    expect(displayShortcut("Mod+Z", false)).toBe("Ctrl+Z");
    expect(displayShortcut("Mod+Z", true)).toBe("⌘Z");
    expect(displayShortcut("Shift+Mod+Z", false)).toBe("Shift+Ctrl+Z");
    expect(displayShortcut("Mod+Y", true)).toBe("⌘Y");
    expect(displayShortcut("Shift+F", false)).toBe("Shift+F");
  });

  it("leaves single keys alone, including +", () => {
    for (const mac of [true, false]) {
      expect(displayShortcut("B", mac)).toBe("B");
      expect(displayShortcut("[", mac)).toBe("[");
      expect(displayShortcut("?", mac)).toBe("?");
      expect(displayShortcut("+", mac)).toBe("+");
    }
  });

  // Found by this test: "Shift+F" used to show as "ShiftF" on a Mac; it is "⇧F" now.
  it("on a Mac, Shift is not glued to the next key name", () => {
    for (const spec of ["Shift+F", "Shift+Delete", "Shift+Mod+Z"]) {
      expect(displayShortcut(spec, true)).not.toMatch(/Shift(?=[^+ ])/);
    }
  });
});

describe("command registry", () => {
  it("every command id is unique and commandById finds it", () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMMANDS) expect(commandById(c.id)).toBe(c);
    expect(() => commandById("no-such-command")).toThrow(/no-such-command/);
  });

  it("there is one tool command per tool id", () => {
    expect(TOOL_COMMANDS.map((c) => c.id).sort()).toEqual(TOOL_IDS.map((t) => `tool-${t}`).sort());
    for (const t of TOOL_IDS) {
      const { actions, calls } = recorder();
      expect(runCommand(commandById(`tool-${t}`), actions)).toBe(true);
      expect(calls).toEqual([["setTool", t]]);
    }
  });

  it("every shortcut is owned by exactly one command, and finds it back", () => {
    for (const c of COMMANDS) {
      expect(c.shortcuts.length).toBeGreaterThan(0);
      for (const spec of c.shortcuts) {
        for (const e of eventsFor(spec)) {
          const owners = COMMANDS.filter((o) => o.shortcuts.some((s) => matchesShortcut(e, s))).map((o) => o.id);
          expect(owners, `${spec} → ${JSON.stringify(e)}`).toEqual([c.id]);
          expect(commandForKey(e)).toBe(c);
        }
      }
    }
  });

  it("no key event (any key, any modifiers) matches two commands", () => {
    const keys = [
      ..."abcdefghijklmnopqrstuvwxyz",
      ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      ..."0123456789",
      ..."[]{}?/+=-_!@#$%^&*().,;:'\"\\|`~<>",
      "Delete",
      "Backspace",
      "Enter",
      "Escape",
      "Tab",
      " ",
    ];
    let events = 0;
    for (const k of keys) {
      for (let m = 0; m < 16; m++) {
        const e = key(k, { ctrlKey: !!(m & 1), metaKey: !!(m & 2), shiftKey: !!(m & 4), altKey: !!(m & 8) });
        const owners = COMMANDS.filter((c) => c.shortcuts.some((s) => matchesShortcut(e, s)));
        expect(owners.length, `${JSON.stringify(e)} → ${owners.map((o) => o.id).join(", ")}`).toBeLessThanOrEqual(1);
        events++;
      }
    }
    expect(events).toBe(keys.length * 16);
  });

  it("each command calls the action it is named for", () => {
    const expected: Record<string, unknown[][]> = {
      "brush-smaller": [["scaleBrush", 1 / 1.25]],
      "brush-larger": [["scaleBrush", 1.25]],
      "shape-mode": [["toggleShapeMode"]],
      undo: [["undo"]],
      redo: [["redo"]],
      "fill-all": [["commit", { kind: "fill-all" }]],
      clear: [["commit", { kind: "clear" }]],
      invert: [["commit", { kind: "invert" }]],
      grow: [["commit", { kind: "grow", n: 3 }]],
      shrink: [["commit", { kind: "shrink", n: 3 }]],
      "zoom-fit": [["setZoom", "fit"]],
      "zoom-100": [["setZoom", 1]],
      "zoom-200": [["setZoom", 2]],
      "zoom-400": [["setZoom", 4]],
      "zoom-in": [["stepZoom", 1]],
      "zoom-out": [["stepZoom", -1]],
      "mask-view": [["toggleMaskView"]],
      overlay: [["toggleOverlay"]],
      help: [["toggleHelp"]],
    };
    for (const [id, calls] of Object.entries(expected)) {
      const r = recorder();
      expect(runCommand(commandById(id), r.actions)).toBe(true);
      expect(r.calls, id).toEqual(calls);
    }
    expect(Object.keys(expected).length + TOOL_COMMANDS.length).toBe(COMMANDS.length);
  });

  it("recordsHistory is true exactly for the commands that commit a stroke", () => {
    for (const c of COMMANDS) {
      const r = recorder();
      runCommand(c, r.actions);
      expect(r.calls.some(([name]) => name === "commit"), c.id).toBe(c.recordsHistory);
    }
  });
});

describe("runCommand", () => {
  it("does not run undo or redo when there is nothing to undo or redo", () => {
    const r = recorder({ canUndo: false, canRedo: false });
    expect(runCommand(undoCommand, r.actions)).toBe(false);
    expect(runCommand(redoCommand, r.actions)).toBe(false);
    expect(r.calls).toEqual([]);
  });

  it("runs undo when it can, but not redo when only undo is possible", () => {
    const r = recorder({ canUndo: true, canRedo: false });
    expect(runCommand(undoCommand, r.actions)).toBe(true);
    expect(runCommand(redoCommand, r.actions)).toBe(false);
    expect(r.calls).toEqual([["undo"]]);
  });

  it("grow and shrink commit the editor's amount, and are disabled at 0", () => {
    const r = recorder({ amount: 7 });
    expect(runCommand(growMaskCommand, r.actions)).toBe(true);
    expect(runCommand(shrinkMaskCommand, r.actions)).toBe(true);
    expect(r.calls).toEqual([
      ["commit", { kind: "grow", n: 7 }],
      ["commit", { kind: "shrink", n: 7 }],
    ]);

    const zero = recorder({ amount: 0 });
    expect(runCommand(growMaskCommand, zero.actions)).toBe(false);
    expect(runCommand(shrinkMaskCommand, zero.actions)).toBe(false);
    expect(zero.calls).toEqual([]);
  });

  it("commands without enabled() always run", () => {
    const r = recorder({ canUndo: false, canRedo: false, amount: 0 });
    expect(runCommand(commandById("invert"), r.actions)).toBe(true);
    expect(r.calls).toEqual([["commit", { kind: "invert" }]]);
  });
});
