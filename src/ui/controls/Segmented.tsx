import { useId } from "react";

export interface SegmentedProps<T extends string> {
  legend: string;
  value: T;
  options: { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
}

/** A radio group drawn as a segmented switch (native radios: arrow keys work). */
export function Segmented<T extends string>({ legend, value, options, onChange }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 inline-flex rounded border border-slate-300 bg-white p-0.5">
        {options.map((o) => (
          <label
            key={o.value}
            title={o.hint}
            className="cursor-pointer rounded px-3 py-1 text-sm has-[:checked]:bg-blue-600 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600/40"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
