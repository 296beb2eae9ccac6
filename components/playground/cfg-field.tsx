"use client";

import { helpFor } from "@/components/playground/field-help";
import { FormField, inputBase } from "@/components/ui/form-field";
import { NumberInput } from "@/components/ui/number-input";
import { useFormStore } from "@/lib/client/form-store";
import { CFG_SCALE_MAX, CFG_SCALE_MIN, DEFAULTS } from "@/lib/models";

const STEP = 0.1;

/** CFG scale as a slider and a number box kept in step (1.1–10, step 0.1). */
export function CfgField({ error }: { error?: string }) {
  const value = useFormStore((s) => s.draft.cfg_scale);
  const setField = useFormStore((s) => s.setField);
  const touch = useFormStore((s) => s.touch);
  const id = "field-cfg_scale";

  return (
    <FormField id={id} label="CFG scale" help={helpFor("cfg_scale")} error={error}>
      {(a11y) => (
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label="CFG scale slider"
            aria-describedby={a11y["aria-describedby"]}
            min={CFG_SCALE_MIN}
            max={CFG_SCALE_MAX}
            step={STEP}
            value={value ?? DEFAULTS.cfg_scale}
            onChange={(e) => setField("cfg_scale", Number(e.target.value))}
            onBlur={() => touch("cfg_scale")}
            className="flex-1 accent-blue-600"
          />
          <NumberInput
            {...a11y}
            name="cfg_scale"
            min={CFG_SCALE_MIN}
            max={CFG_SCALE_MAX}
            step={STEP}
            value={value}
            onValueChange={(v) => setField("cfg_scale", v)}
            onBlur={() => touch("cfg_scale")}
            className={`${inputBase} w-24 shrink-0`}
          />
        </div>
      )}
    </FormField>
  );
}
