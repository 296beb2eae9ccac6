import { FormField, inputClass } from "@/components/ui/form-field";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  onBlur?: () => void;
  help?: string;
  error?: string;
}

export function SelectField({ id, label, value, options, onChange, onBlur, help, error }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} help={help} error={error}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} className={inputClass}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
