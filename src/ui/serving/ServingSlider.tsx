/**
 * A log slider with an exact number box for a serving field. Unlike the calculator's LogSlider it
 * asks the cost worker for nothing ahead: the serving figures come from their own worker.
 */
import { useId } from "react";
import { toPosition, valueAt } from "../controls/LogSlider";
import { NumberField } from "../controls/NumberField";

export function ServingSlider(props: {
  label: string;
  unit: string;
  min: number;
  max: number;
  value: number;
  integer?: boolean;
  onChange(v: number): void;
  valueText(v: number): string;
  testId: string;
}) {
  const { label, unit, min, max, value, integer, onChange, valueText, testId } = props;
  const id = useId();
  const pos = toPosition(value, min, max);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label} <span className="font-normal text-slate-500">({unit})</span>
      </label>
      <div className="grid grid-cols-[1fr_7.5rem] items-center gap-2">
        <input
          id={id}
          type="range"
          min={0}
          max={1000}
          step={1}
          value={pos}
          aria-valuetext={valueText(value)}
          data-testid={`${testId}-slider`}
          onChange={(e) => onChange(valueAt(Number(e.target.value), pos, value, min, max, integer))}
          className="w-full min-w-0 accent-blue-600"
        />
        <NumberField label={`${label}, exact`} unit={unit} labelHidden value={value} onCommit={onChange} integer={integer} testId={`${testId}-input`} className="-mt-1" />
      </div>
    </div>
  );
}
