import { useId } from "react";
import { NumberField } from "./NumberField";

/** Slider positions per log range (native range input, so the keyboard works as usual). */
const STEPS = 1000;

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
 * A log-scale slider with an exact number input beside it. Integer sliders always move by at
 * least one unit per key press, so the arrow keys never get stuck where the scale is fine.
 */
export function LogSlider(props: LogSliderProps) {
  const { label, unit, min, max, value, onChange, integer, valueText, numberScale = 1, numberUnit, testId, hint } = props;
  const id = useId();
  const pos = value === null ? 0 : toPosition(value, min, max);

  const onSlide = (next: number) => {
    let v = fromPosition(next, min, max);
    if (integer) {
      v = Math.round(v);
      if (value !== null && v === value && next !== pos) v = value + Math.sign(next - pos);
      v = Math.min(max, Math.max(min, v));
    } else {
      v = Number(v.toPrecision(3));
    }
    onChange(v);
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
          className="w-full min-w-0 accent-blue-600"
        />
        <NumberField
          label={`${label}, exact`}
          unit={numberUnit ?? unit}
          labelHidden
          value={value === null ? null : value / numberScale}
          onCommit={(n) => onChange(n * numberScale)}
          integer={integer && numberScale === 1}
          testId={testId ? `${testId}-input` : undefined}
          className="-mt-1"
        />
      </div>
      {hint ? <div className="text-xs text-slate-500">{hint}</div> : null}
    </div>
  );
}
