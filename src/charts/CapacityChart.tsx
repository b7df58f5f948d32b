/**
 * Capacity: memory per chip stacked by part against batch and against context, with the capacity
 * line; and the feasible region (largest batch that fits against context) for 1 … N chips.
 */
import { memo } from "react";
import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatContextTick, log2Ticks } from "./viewModels";
import { int, sig3, siTick, type CapacityModel, type MemoryRow } from "./insightModels";
import { PALETTE } from "./palette";

const PARTS = [
  { key: "weights", label: "Weights", color: PALETTE.weights },
  { key: "kvCache", label: "KV cache", color: PALETTE.kvCache },
  { key: "activations", label: "Activations", color: PALETTE.activations },
  { key: "reserve", label: "Runtime reserve", color: PALETTE.reserve },
] as const;

function Stack(props: { title: string; rows: MemoryRow[]; capacityGB: number; yMaxGB: number; marker: number; markerLabel: string; xLabel: (n: number) => string; testId: string }) {
  const { rows } = props;
  const lo = rows[0]?.x ?? 1;
  const hi = rows[rows.length - 1]?.x ?? 2;
  return (
    <div className="min-w-0" data-testid={props.testId}>
      <h3 className="text-sm font-semibold text-slate-800">
        {props.title} <span className="font-normal text-slate-500">(GB per chip)</span>
      </h3>
      <AreaChart responsive style={{ width: "100%", height: 190 }} data={rows} margin={{ top: 18, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="x" type="number" scale="log" domain={[lo, hi]} ticks={log2Ticks(lo, hi)} tickFormatter={props.xLabel} allowDataOverflow tick={{ fontSize: 11 }} />
        <YAxis width={44} tick={{ fontSize: 11 }} domain={[0, props.yMaxGB]} allowDataOverflow tickFormatter={(v) => sig3(Number(v))} />
        {PARTS.map((p) => (
          <Area key={p.key} dataKey={p.key} name={p.label} stackId="m" type="linear" stroke={p.color} fill={p.color} fillOpacity={0.75} isAnimationActive={false} dot={false} activeDot={false} />
        ))}
        <ReferenceLine y={props.capacityGB} stroke={PALETTE.overCapacity} strokeWidth={2} ifOverflow="extendDomain" label={{ value: `capacity ${sig3(props.capacityGB)} GB`, position: "insideTopLeft", fontSize: 11, fill: PALETTE.overCapacity }} />
        <ReferenceLine x={props.marker} stroke="#0f172a" strokeDasharray="4 3" ifOverflow="hidden" label={{ value: props.markerLabel, position: "top", fontSize: 11, fill: "#0f172a" }} />
        <Tooltip isAnimationActive={false} labelFormatter={(v) => props.xLabel(Number(v))} formatter={(v, name) => [`${sig3(Number(v))} GB`, name]} />
      </AreaChart>
    </div>
  );
}

function CapacityChart({ model }: { model: CapacityModel }) {
  const lo = model.feasible[0]?.context ?? 1;
  const hi = model.feasible[model.feasible.length - 1]?.context ?? 2;
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="capacity-chart" className="grid gap-4 md:grid-cols-2">
        <Stack title="Against batch" rows={model.byBatch} capacityGB={model.capacityGB} yMaxGB={model.yMaxGB} marker={model.batch} markerLabel="your batch" xLabel={(n) => `batch ${int(n)}`} testId="capacity-batch" />
        <Stack title="Against context" rows={model.byContext} capacityGB={model.capacityGB} yMaxGB={model.yMaxGB} marker={model.context} markerLabel="your context" xLabel={formatContextTick} testId="capacity-context" />
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {PARTS.map((p) => (
          <li key={p.key} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: p.color }} aria-hidden />
            {p.label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-4" style={{ background: PALETTE.overCapacity }} aria-hidden />
          Capacity per chip
        </li>
      </ul>
      <div className="mt-3 min-w-0" data-testid="capacity-feasible">
        <h3 className="text-sm font-semibold text-slate-800">
          Largest batch that fits, against context <span className="font-normal text-slate-500">(sequences, log scale; below a line fits)</span>
        </h3>
        <LineChart responsive style={{ width: "100%", height: 200 }} data={model.feasible} margin={{ top: 12, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="context" type="number" scale="log" domain={[lo, hi]} ticks={log2Ticks(lo, hi)} tickFormatter={formatContextTick} allowDataOverflow tick={{ fontSize: 11 }} />
          <YAxis type="number" scale="log" domain={model.feasibleYDomain} ticks={model.feasibleYTicks} tickFormatter={siTick} allowDataOverflow width={44} tick={{ fontSize: 11 }} />
          {model.chipCounts.map((c) => (
            <Line key={c.key} dataKey={c.key} name={`${c.chips} chip${c.chips === 1 ? "" : "s"}`} stroke={c.color} strokeWidth={c.current ? 3.5 : 1.5} dot={false} activeDot={false} isAnimationActive={false} />
          ))}
          <ReferenceLine x={model.context} stroke="#0f172a" strokeDasharray="4 3" ifOverflow="hidden" />
          <ReferenceLine y={model.batch} stroke="#0f172a" strokeDasharray="4 3" ifOverflow="hidden" label={{ value: "your batch", position: "insideTopRight", fontSize: 11, fill: "#0f172a" }} />
          <Tooltip isAnimationActive={false} labelFormatter={(v) => `${formatContextTick(Number(v))} tokens of context`} formatter={(v, name) => [`batch ≤ ${int(Number(v))}`, name]} />
        </LineChart>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label="Chip counts">
          {model.chipCounts.map((c) => (
            <li key={c.key} className="flex items-center gap-1">
              <span className="inline-block h-1 w-4" style={{ background: c.color }} aria-hidden />
              {c.chips} chip{c.chips === 1 ? "" : "s"}
              {c.current ? " (yours)" : ""}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export default memo(CapacityChart);
