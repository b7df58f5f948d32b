import { useEffect, useId, useRef } from "react";
import { useCalculator } from "../../state/store";
import { NumberField } from "./NumberField";

/** Slider positions per log range (native range input, so the keyboard works as usual). */
const STEPS = 1000;
/** Positions either side of the thumb whose reports the worker computes ahead (a drag moves ~10 per frame). */
export const AHEAD_POSITIONS = 24;

export interface LogSliderProps {
  label: string;
  /** Unit of the value, shown in the label, e.g. "tokens". */
  unit: string;
  min: number;
  max: number;
  /** The value in the unit above; null while unknown. */
  value: number | null;
  onChange(value: number): void;
  integer?: boolean;
  /** Screen-reader text for a value, e.g. "1,024 tokens". */
  valueText(value: number): string;
  /** The number box shows value / numberScale (e.g. 1e9 for billions) with this unit. */
  numberScale?: number;
  numberUnit?: string;
  testId?: string;
  /** Extra text under the slider. */
  hint?: React.ReactNode;
  /** The plausible range of the number box (stored units; core/limits.ts), wider than the slider's. */
  range?: { min: number; max: number; integer?: boolean; minExclusive?: boolean };
}

export function toPosition(value: number, min: number, max: number): number {
  if (!(value > 0)) return 0;
  const p = (Math.log(value / min) / Math.log(max / min)) * STEPS;
  return Math.min(STEPS, Math.max(0, Math.round(p)));
}

export function fromPosition(pos: number, min: number, max: number): number {
  return min * Math.pow(max / min, pos / STEPS);
}

/**
 * The value a move to position `next` gives when the slider holds `value` at position `pos`.
 * Integer sliders always move by at least one unit, so the arrow keys never get stuck where the
 * scale is finer than one unit; other values keep three significant figures.
 */
export function valueAt(next: number, pos: number, value: number | null, min: number, max: number, integer = false): number {
  const v = fromPosition(next, min, max);
  if (!integer) return Number(v.toPrecision(3));
  let n = Math.round(v);
  if (value !== null && n === value && next !== pos) n = value + Math.sign(next - pos);
  return Math.min(max, Math.max(min, n));
}

/** The distinct values within `AHEAD_POSITIONS` of position `pos`, the current value left out. */
export function valuesAround(pos: number, value: number | null, min: number, max: number, integer = false): number[] {
  const out = new Set<number>();
  // nearest first (the key presses' neighbours), so the first reports computed ahead are the likeliest
  for (let d = 1; d <= AHEAD_POSITIONS; d++) {
    for (const p of [pos - d, pos + d]) if (p >= 0 && p <= STEPS) out.add(valueAt(p, pos, value, min, max, integer));
  }
  out.delete(value as number);
  return [...out];
}

/**
 * A log-scale slider with an exact number input beside it. Integer sliders always move by at
 * least one unit per key press, so the arrow keys never get stuck where the scale is fine.
 */
export function LogSlider(props: LogSliderProps) {
  const { label, unit, min, max, value, onChange, integer, valueText, numberScale = 1, numberUnit, testId, hint, range } = props;
  const id = useId();
  const pos = value === null ? 0 : toPosition(value, min, max);
  const prefetch = useCalculator((s) => s.prefetch);

  // While the slider is focused or hovered, the worker computes the reports of the positions
  // around the thumb, so the numbers for the next move are ready when it comes (state/results.ts).
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const askAhead = (p: number, v: number | null) => {
    clearTimeout(timer.current);
    // after this event's render: the numbers of the move itself come first
    timer.current = setTimeout(() => prefetch(valuesAround(p, v, min, max, integer).map((n) => () => onChange(n))), 0);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const setHeld = useCalculator((s) => s.setHeld);
  const onSlide = (next: number) => {
    const v = valueAt(next, pos, value, min, max, integer);
    setHeld(label, null); // a slider move is a valid value again
    onChange(v);
    askAhead(toPosition(v, min, max), v);
  };

  return (
    <div className="space-y-1">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label} <span className="font-normal text-slate-500">({unit})</span>
        </label>
      </div>
      <div className="grid grid-cols-[1fr_7.5rem] items-center gap-2">
        <input
          id={id}
          data-testid={testId ? `${testId}-slider` : undefined}
          type="range"
          min={0}
          max={STEPS}
          step={1}
          value={pos}
          aria-valuetext={value === null ? undefined : valueText(value)}
          onChange={(e) => onSlide(Number(e.target.value))}
          onFocus={() => askAhead(pos, value)}
          onPointerEnter={() => askAhead(pos, value)}
          className="w-full min-w-0 accent-blue-600"
        />
        <NumberField
          label={`${label}, exact`}
          unit={numberUnit ?? unit}
          labelHidden
          value={value === null ? null : value / numberScale}
          scale={numberScale}
          onCommit={onChange}
          integer={integer && numberScale === 1}
          testId={testId ? `${testId}-input` : undefined}
          className="-mt-1"
          range={range}
        />
      </div>
      {hint ? <div className="text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}
