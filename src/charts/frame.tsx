/**
 * The Recharts part of a chart: axes and grid with explicit domains and ticks, memoised so it
 * re-renders only when an axis changes. What moves on a slider step is drawn by `layers` (marks
 * from charts/marks.tsx reading their data from a context), so a step never re-reports the whole
 * chart to Recharts' store.
 */
import { memo, useMemo, type ReactNode } from "react";
import { CartesianGrid, ComposedChart, XAxis, YAxis } from "recharts";

export interface Axis {
  domain: [number, number];
  ticks: number[];
  log?: boolean;
  /** Tick text; keep it a stable function (module level). */
  format: (v: number) => string;
  /** Recharts axis label props; keep the object stable. */
  label?: object;
  /** Y axis width (px). */
  width?: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const TICK = { fontSize: 11 } as const;

export const Frame = memo(function Frame({ x, y, height, margin, layers, vGrid = true }: { x: Axis; y: Axis; height: number; margin: Margin; layers: ReactNode; vGrid?: boolean }) {
  const style = useMemo(() => ({ width: "100%", height }), [height]);
  return (
    <ComposedChart responsive style={style} margin={margin} accessibilityLayer={false}>
      <CartesianGrid stroke="#e2e8f0" vertical={vGrid} />
      <XAxis dataKey="x" type="number" scale={x.log ? "log" : "linear"} domain={x.domain} ticks={x.ticks} tickFormatter={x.format} allowDataOverflow tick={TICK} label={x.label} />
      <YAxis dataKey="y" type="number" scale={y.log ? "log" : "linear"} domain={y.domain} ticks={y.ticks} tickFormatter={y.format} allowDataOverflow width={y.width ?? 44} tick={TICK} label={y.label} />
      {layers}
    </ComposedChart>
  );
});

/** An axis spec that keeps its identity while its parts are unchanged (domain and ticks arrays compared by value). */
export function useAxis(domain: [number, number], ticks: number[], format: (v: number) => string, log = false, label?: object, width?: number): Axis {
  const [d0, d1] = domain;
  const key = ticks.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value on purpose
  return useMemo(() => ({ domain: [d0, d1], ticks, format, log, label, width }), [d0, d1, key, format, log, label, width]);
}
