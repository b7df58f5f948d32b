import { useEffect, useId, useState } from "react";

export interface NumberFieldProps {
  label: string;
  /** Unit shown after the label, e.g. "GB" or "tokens". */
  unit?: string;
  /** The value in display units; null shows an empty field. */
  value: number | null;
  onCommit(value: number): void;
  min?: number;
  max?: number;
  step?: number | "any";
  integer?: boolean;
  /** Hide the visible label (when a slider beside it carries the same label). */
  labelHidden?: boolean;
  id?: string;
  testId?: string;
  className?: string;
}

function show(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "";
  return String(Number(v.toPrecision(6)));
}

/**
 * A number input that lets the user type freely and commits every parseable value (in display
 * units). Out-of-range values are still committed: the core names them in a message.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, unit, value, onCommit, min, max, step = "any", integer, labelHidden, testId, className } = props;
  const autoId = useId();
  const id = props.id ?? autoId;
  const [text, setText] = useState(show(value));
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    if (!focused) setText(show(value));
  }, [value, focused]);

  const commit = (t: string) => {
    const n = Number(t);
    if (t.trim() === "" || !Number.isFinite(n)) return;
    onCommit(integer ? Math.round(n) : n);
  };

  return (
    <div className={className}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
        {unit ? <span className="font-normal text-slate-500"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        data-testid={testId}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={text}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setText(show(value));
        }}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit((e.target as HTMLInputElement).value);
        }}
        className="mt-1 w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
      />
    </div>
  );
}
