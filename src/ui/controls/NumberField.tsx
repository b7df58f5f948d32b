import { useId, useState } from "react";
import { useCalculator } from "../../state/store";

export interface NumberFieldProps {
  label: string;
  /** Unit shown after the label, e.g. "GB" or "tokens". */
  unit?: string;
  /** The value in display units; null shows an empty field. */
  value: number | null;
  /** Receives the typed value times `scale` (the stored units). */
  onCommit(value: number): void;
  /** Stored units per display unit (1e9 for a field in GB); default 1. */
  scale?: number;
  min?: number;
  max?: number;
  step?: number | "any";
  integer?: boolean;
  /** Hide the visible label (when a slider beside it carries the same label). */
  labelHidden?: boolean;
  id?: string;
  testId?: string;
  className?: string;
  /** The plausible range (stored units): a value outside it is refused at the field, in words, and the last valid value kept. */
  range?: { min: number; max: number; integer?: boolean; minExclusive?: boolean };
}

/** 1000000 → "1,000,000", 0.001 → "0.001". */
function plain(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

function show(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "";
  return String(Number(v.toPrecision(6)));
}

/**
 * A number input that lets the user type freely and commits every parseable value, times
 * `scale`. Out-of-range values are still committed: the core names them in a message. A value
 * that is not a finite number once scaled (1e308 billion parameters) cannot be committed at all
 * (a link cannot carry Infinity), so the field says so under itself instead.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, unit, value, onCommit, scale = 1, min, max, step = "any", integer, labelHidden, testId, className, range } = props;
  const setHeld = useCalculator((s) => s.setHeld);
  const autoId = useId();
  const id = props.id ?? autoId;
  // While focused the box shows what the user types; otherwise the value itself. Derived during
  // render, not copied in an effect: an effect's setState is a second synchronous render after
  // every slider step, and fifty of them in one task trip React's update-depth guard (#185).
  const [text, setText] = useState(show(value));
  const [focused, setFocused] = useState(false);
  const shown = focused ? text : show(value);
  const [error, setError] = useState<string | null>(null);

  const commit = (t: string) => {
    const n = Number(t);
    if (t.trim() === "" || Number.isNaN(n)) return; // still typing ("1e", "-")
    const v = (integer ? Math.round(n) : n) * scale;
    if (!Number.isFinite(v)) {
      setError(`${label}: ${t.trim().slice(0, 30)}${unit ? ` ${unit}` : ""} is too large to use; the value stays ${show(value)}`);
      return;
    }
    if (range) {
      const whole = range.integer || integer;
      const ok = (range.minExclusive ? v > range.min : v >= range.min) && v <= range.max && (!whole || Number.isInteger(v));
      if (!ok) {
        const kept = show(value);
        setError(
          `${label.replace(/, exact$/, "")} must be ${whole ? "a whole number" : "a number"} ${range.minExclusive ? "above" : "from"} ${plain(range.min / scale)} ${range.minExclusive ? "and at most" : "to"} ${plain(range.max / scale)}${unit ? ` (${unit})` : ""}; the numbers are for the last valid value, ${kept}`,
        );
        setHeld(label.replace(/, exact$/, ""), kept);
        return;
      }
    }
    setError(null);
    if (range) setHeld(label.replace(/, exact$/, ""), null);
    onCommit(v);
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
        value={shown}
        onFocus={() => {
          setText(show(value));
          setFocused(true);
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          commit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit((e.target as HTMLInputElement).value);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" data-testid={testId ? `${testId}-error` : undefined} className="mt-1 text-xs [overflow-wrap:anywhere] text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
