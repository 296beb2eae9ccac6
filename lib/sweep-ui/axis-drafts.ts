/**
 * The sweep builder's axes as the person edits them, and how each becomes a `SweepAxis` for the
 * preview (planSweep) and POST /api/sweeps. Pure, so the rules are unit-tested; the dialog only
 * renders them.
 *
 * An axis varies one of: a parameter of the chosen model's task (numbers and sliders typed in
 * A1111's syntax, selects and toggles picked from a list, seeds typed or "N random"), the model
 * (picked from the models on offer), the prompt by search/replace (typed: the first value is
 * searched and replaced by each value), or one `{a|b|c}` group of the prompt (its alternatives
 * picked from a list).
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import type { ModelDefinition } from "@/lib/models/model-definition";
import type { TaskType } from "@/lib/models/task-types";
import { parseAxisText, promptAlternatives, splitList, type AxisValueKind, type ParsedAxis } from "@/lib/sweeps/parse-axis-text";
import { MODEL_AXIS, PROMPT_AXIS, SWEEP_LIMITS, type AxisValue, type SweepAxis } from "@/lib/sweeps/sweep-axis";

/** What an axis varies, as the "Varies" select names it: `field:<name>`, `model`, `prompt-sr` or `alt:<group>`. */
export type AxisChoiceKey = string;

export interface AxisChoice {
  key: AxisChoiceKey;
  label: string;
  /** How the values are entered: typed (A1111 syntax) or picked from a list. */
  input: "text" | "list";
  /** The list's entries (value → label), for `list` inputs. */
  options?: { value: string; label: string }[];
  /** One line under the values box: the syntax this kind takes. */
  hint: string;
  /** List inputs: what a new axis starts with ticked. */
  initial?: string[];
}

export interface AxisDraft {
  choice: AxisChoiceKey;
  /** Typed values (text inputs). */
  text: string;
  /** Picked values (list inputs), as strings ("true"/"false" for toggles). */
  picked: string[];
  /**
   * The typed text parsed when it changed: kept, so "4 random" draws its seeds once per edit and
   * not on every render of the preview.
   */
  parsed: ParsedAxis | null;
}

const FIELD = "field:";
const ALT = "alt:";
export const MODEL_CHOICE = MODEL_AXIS;
export const PROMPT_SR_CHOICE = "prompt-sr";

const SWEEPABLE: readonly FieldSpec["kind"][] = ["number", "slider", "select", "toggle", "seed"];

export const HINTS = {
  number: "A list (3, 6, 9), a range by count (1-10 [5]) or by step (2-8 (+2)).",
  integer: "Whole numbers: a list (1, 2, 4), a range by count (1-4 [4]) or by step (2-8 (+2)).",
  seed: "Seeds: a list (1, 2, 3), a range (1-5), or \"4 random\".",
  list: "Tick the values to compare.",
  promptSr: "Comma-separated: the first is searched in the prompt and replaced by each (fox, cat, owl).",
  alternatives: "Tick the alternatives of this {a|b} group to compare.",
} as const;

/** A number field's values are whole numbers when its step and minimum are (image counts, steps). */
export function isIntegerField(spec: FieldSpec): boolean {
  return spec.step !== undefined && Number.isInteger(spec.step) && Number.isInteger(spec.min ?? 0);
}

function valueKind(spec: FieldSpec): AxisValueKind {
  if (spec.kind === "seed") return "seed";
  if (spec.kind === "toggle") return "boolean";
  if (spec.kind === "select") return "text";
  return isIntegerField(spec) ? "integer" : "number";
}

function fieldChoice(spec: FieldSpec): AxisChoice {
  const key = `${FIELD}${spec.name}`;
  if (spec.kind === "select") {
    const options = (spec.options ?? []).map((o) => ({ value: o, label: spec.optionLabels?.[o] ?? o }));
    // Nothing ticked: eight styles at once is rarely what is meant, and each cell is billed.
    return { key, label: spec.label, input: "list", options, hint: HINTS.list, initial: [] };
  }
  if (spec.kind === "toggle") {
    return { key, label: spec.label, input: "list", options: [{ value: "true", label: "On" }, { value: "false", label: "Off" }], hint: HINTS.list, initial: ["true", "false"] };
  }
  const kind = valueKind(spec);
  return { key, label: spec.label, input: "text", hint: kind === "seed" ? HINTS.seed : kind === "integer" ? HINTS.integer : HINTS.number };
}

/** Everything an axis can vary for this model, task and prompt, in the form's order. */
export function axisChoices(
  model: ModelDefinition,
  task: TaskType,
  prompt: string,
  models: readonly { id: string; label: string }[],
): AxisChoice[] {
  const fields = (model.taskFields[task] ?? []).filter((f) => SWEEPABLE.includes(f.kind)).map(fieldChoice);
  const out: AxisChoice[] = [
    { key: MODEL_CHOICE, label: "Model", input: "list", options: models.map((m) => ({ value: m.id, label: m.label })), hint: "Tick the models to compare (the same prompt on each)." },
    ...fields,
  ];
  if ((model.taskFields[task] ?? []).some((f) => f.name === "prompt")) {
    out.push({ key: PROMPT_SR_CHOICE, label: "Prompt (search/replace)", input: "text", hint: HINTS.promptSr });
    for (const group of promptAlternatives(prompt)) {
      out.push({
        key: `${ALT}${group.search}`,
        label: `Prompt alternatives ${group.search}`,
        input: "list",
        options: group.values.map((v) => ({ value: v, label: v || "(empty)" })),
        hint: HINTS.alternatives,
      });
    }
  }
  return out;
}

export function fieldOfChoice(key: AxisChoiceKey): string | null {
  return key.startsWith(FIELD) ? key.slice(FIELD.length) : null;
}

/** A new axis for a choice: lists start with their `initial` entries ticked (else all of them), text empty. */
export function newAxisDraft(choice: AxisChoice): AxisDraft {
  const picked = choice.initial ?? (choice.options ?? []).map((o) => o.value);
  return { choice: choice.key, text: "", picked: [...picked], parsed: null };
}

/** The choice a new axis starts with: the first parameter no axis varies yet. */
export function nextChoice(choices: readonly AxisChoice[], used: readonly AxisChoiceKey[]): AxisChoice | undefined {
  return choices.find((c) => c.key.startsWith(FIELD) && !used.includes(c.key)) ?? choices.find((c) => !used.includes(c.key));
}

/** The draft after the person typed `text`: parsed once, now. */
export function withText(draft: AxisDraft, text: string, spec: FieldSpec | undefined, random?: () => number): AxisDraft {
  return { ...draft, text, parsed: parseTyped(draft.choice, text, spec, random) };
}

function parseTyped(choice: AxisChoiceKey, text: string, spec: FieldSpec | undefined, random?: () => number): ParsedAxis {
  if (choice === PROMPT_SR_CHOICE) {
    if (text.length > SWEEP_LIMITS.maxSourceChars) return { ok: false, message: `At most ${SWEEP_LIMITS.maxSourceChars} characters` };
    const parts = splitList(text);
    if (parts.length < 2) return { ok: false, message: "Type the text to search for, then at least one replacement" };
    return { ok: true, values: parts.filter((v, i) => parts.indexOf(v) === i) };
  }
  if (!spec) return { ok: false, message: "This model takes no such parameter" };
  const kind = valueKind(spec);
  const seedRange: [number, number] | undefined = kind === "seed" ? [spec.min ?? 0, spec.max ?? 2 ** 31 - 1] : undefined;
  return parseAxisText(text, { kind, seedRange, random });
}

/** One axis as the API takes it, or why it cannot be one yet. */
export type AxisResult = { ok: true; axis: SweepAxis } | { ok: false; message: string };

export function toSweepAxis(draft: AxisDraft, choice: AxisChoice | undefined, spec: FieldSpec | undefined): AxisResult {
  if (!choice) return { ok: false, message: "This choice is not offered for the current model and prompt" };
  if (choice.input === "list") {
    const order = (choice.options ?? []).map((o) => o.value);
    const picked = order.filter((v) => draft.picked.includes(v));
    if (picked.length === 0) return { ok: false, message: "Tick at least one value" };
    if (choice.key === MODEL_CHOICE) return { ok: true, axis: { field: MODEL_AXIS, values: picked } };
    if (choice.key.startsWith(ALT)) return { ok: true, axis: { field: PROMPT_AXIS, search: choice.key.slice(ALT.length), values: picked } };
    const field = fieldOfChoice(choice.key)!;
    const values: AxisValue[] = spec?.kind === "toggle" ? picked.map((v) => v === "true") : picked;
    const labels = picked.map((v) => choice.options?.find((o) => o.value === v)?.label ?? v);
    return { ok: true, axis: { field, values, source: labels.map(quoteIfNeeded).join(", ") } };
  }
  const parsed = draft.parsed;
  if (!parsed) return { ok: false, message: "Type the values" };
  if (!parsed.ok) return parsed;
  if (choice.key === PROMPT_SR_CHOICE) {
    return { ok: true, axis: { field: PROMPT_AXIS, search: String(parsed.values[0]), values: parsed.values, source: draft.text } };
  }
  return { ok: true, axis: { field: fieldOfChoice(choice.key)!, values: parsed.values, source: draft.text } };
}

/** A label with a comma goes in quotes, so the source reads back as the same list. */
function quoteIfNeeded(label: string): string {
  return label.includes(",") || label.includes('"') ? `"${label.replace(/"/g, '""')}"` : label;
}

/**
 * "Compare models": one model axis with the chosen model and the other models that can run, at
 * most four in all (the chosen one always among them); rows follow the models' order on offer.
 */
export function compareModelsPreset(currentId: string, runnable: readonly string[]): AxisDraft {
  const ids = [currentId, ...runnable.filter((id) => id !== currentId)].slice(0, 4);
  return { choice: MODEL_CHOICE, text: "", picked: ids, parsed: null };
}
