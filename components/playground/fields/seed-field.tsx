"use client";

import { useField } from "@/components/playground/fields/use-field";
import { FormField, inputBase } from "@/components/ui/form-field";
import { DiceIcon, LockIcon } from "@/components/ui/icons";
import { NumberInput } from "@/components/ui/number-input";
import { useFormStore } from "@/lib/playground-form/form-store";
import type { FieldSpec } from "@/lib/models";

const buttonClass =
  "inline-flex shrink-0 items-center gap-1.5 rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm font-medium hover:bg-neutral-100 aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white";

/**
 * Seed with a dice button and a lock. Unlocked: each run rolls a fresh seed (shown here after
 * the run). Locked: the shown seed is reused, so only your changes differ between runs.
 */
export function SeedField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const locked = useFormStore((s) => s.seedLocked);
  const rollSeed = useFormStore((s) => s.rollSeed);
  const setSeedLocked = useFormStore((s) => s.setSeedLocked);

  const help = locked
    ? "Locked: every run reuses this seed. Same seed + same settings = same image."
    : "Unlocked: each run uses a fresh random seed, shown here. Lock it to repeat a result.";

  return (
    <FormField id={id} label="Seed" help={help} error={error}>
      {(a11y) => (
        <div className="flex items-center gap-2">
          <NumberInput
            {...a11y}
            name="seed"
            inputMode="numeric"
            min={spec.min}
            max={spec.max}
            step={1}
            placeholder="random"
            value={typeof value === "number" ? value : null}
            onValueChange={set}
            onBlur={touch}
            className={`${inputBase} min-w-0 flex-1`}
          />
          {/* Names come from the button text (sr-only), not aria-label, so getByLabel("Seed") stays unique. */}
          <button type="button" onClick={() => rollSeed()} className={buttonClass} title="New random seed">
            <DiceIcon />
            <span className="sr-only">New random seed</span>
          </button>
          <button
            type="button"
            aria-pressed={locked}
            onClick={() => setSeedLocked(!locked)}
            className={buttonClass}
            title={locked ? "Seed locked: click to use a new seed each run" : "Seed unlocked: click to reuse this seed"}
          >
            <LockIcon open={!locked} />
            <span>
              Lock<span className="sr-only"> seed</span>
            </span>
          </button>
        </div>
      )}
    </FormField>
  );
}
