"use client";

import { useState, type InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type"> & {
  value: number | null;
  onValueChange: (value: number | null) => void;
};

const parse = (text: string): number | null => {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/**
 * A number box that keeps what the person is typing ("7.", "") while passing the parsed value
 * up; when the value changes from outside (slider, dice), the text follows.
 */
export function NumberInput({ value, onValueChange, ...rest }: Props) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parse(text) !== value) setText(value === null ? "" : String(value));
  }
  return (
    <input
      {...rest}
      type="number"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        const parsed = parse(next);
        setShown(parsed);
        onValueChange(parsed);
      }}
    />
  );
}
