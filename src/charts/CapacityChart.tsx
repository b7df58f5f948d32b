/**
 * Capacity: memory per chip stacked by part against batch and against context, with the capacity
 * line; and the feasible region (largest batch that fits against context) for 1 … N chips.
 */
import { createContext, memo, useContext, useMemo } from "react";
import { DefaultZIndexes } from "recharts";
import { log2Ticks, MEMORY_PARTS, niceTicks, stackBands } from "./viewModels";
import { formatContextTick, formatInt, sig, siTick } from "../core/format";
import type { CapacityModel, FeasibleRow, MemoryRow } from "./capacityModel";
import { PALETTE } from "./palette";
import { Frame, useAxis } from "./frame";
import { Band, HLine, HoverReadout, Marks, Polyline, VLine } from "./marks";


const gbTick = (v: number) => sig(v);
/** The readout names the batch in full; the axis, titled "Against batch (sequences)", ticks 1, 4, 16, 64, 256, 1k, 4k so every tick fits a phone. */
const batchLabel = (n: number) => `batch ${formatInt(n)}`;

interface StackData {
  rows: MemoryRow[];
  capacityGB: number;
  marker: number;
  markerLabel: string;
  xLabel: (n: number) => string;
  /** Short tick labels (defaults to xLabel). */
  xTick?: (n: number) => string;
}

const StackCtx = createContext<StackData>({ rows: [], capacityGB: 0, marker: 0, markerLabel: "", xLabel: String });

function StackMarks() {
  const { rows, capacityGB, marker, markerLabel } = useContext(StackCtx);
  const bands = useMemo(() => stackBands(rows, MEMORY_PARTS, (r) => r.x, (r, key) => r[key]), [rows]);
  return (
    <Marks zIndex={DefaultZIndexes.area}>
      {(ctx) => (
        <>
          {bands.map((b) => (
            <Band key={b.key} ctx={ctx} pts={b.pts} color={b.color} />
          ))}
          <HLine ctx={ctx} y={capacityGB} stroke={PALETTE.overCapacity} width={2} label={`capacity ${sig(capacityGB)} GB`} />
          <VLine ctx={ctx} x={marker} stroke="#0f172a" dash="4 3" label={markerLabel} />
        </>
      )}
    </Marks>
  );
}

function StackReadout() {
  const { rows, xLabel } = useContext(StackCtx);
  const xs = useMemo(() => rows.map((r) => r.x), [rows]);
  const read = (i: number) => ({
    title: xLabel(rows[i]!.x),
    lines: [...MEMORY_PARTS].reverse().map((p) => ({ text: `${p.label}: ${sig(rows[i]![p.key])} GB`, color: p.color })),
  });
  return <HoverReadout xs={xs} read={read} />;
}

const STACK_LAYERS = (
  <>
    <StackMarks />
    <StackReadout />
  </>
);
const STACK_MARGIN = { top: 18, right: 12, bottom: 4, left: 0 } as const;

function Stack(props: { title: string; unit?: string; yMaxGB: number; testId: string } & StackData) {
  const { rows, capacityGB, marker, markerLabel, xLabel } = props;
  const lo = rows[0]?.x ?? 1;
  const hi = rows[rows.length - 1]?.x ?? 2;
  const yTicks = niceTicks(Math.max(props.yMaxGB, capacityGB));
  const x = useAxis([lo, hi], log2Ticks(lo, hi), props.xTick ?? xLabel, true);
  const y = useAxis([0, yTicks[yTicks.length - 1]!], yTicks, gbTick);
  const data = useMemo(() => ({ rows, capacityGB, marker, markerLabel, xLabel }), [rows, capacityGB, marker, markerLabel, xLabel]);
  return (
    <div className="min-w-0" data-testid={props.testId}>
      <h3 className="text-sm font-semibold text-slate-800">
        {props.title} <span className="font-normal text-slate-500">({props.unit ? `${props.unit}; ` : ""}GB per chip)</span>
      </h3>
      <StackCtx.Provider value={data}>
        <Frame x={x} y={y} height={190} margin={STACK_MARGIN} layers={STACK_LAYERS} vGrid={false} />
      </StackCtx.Provider>
    </div>
  );
}

const FeasibleCtx = createContext<{ model: CapacityModel | null }>({ model: null });

function FeasibleMarks() {
  const { model } = useContext(FeasibleCtx);
  if (!model) return null;
  return (
    <Marks zIndex={DefaultZIndexes.line}>
      {(ctx) => (
        <>
          {model.chipCounts.map((c) => (
            <Polyline key={c.key} ctx={ctx} pts={model.feasible.map((r: FeasibleRow) => [r.context, r[c.key] ?? null] as const)} stroke={c.color} width={c.current ? 3.5 : 1.5} />
          ))}
          <VLine ctx={ctx} x={model.context} stroke="#0f172a" dash="4 3" />
          <HLine ctx={ctx} y={model.batch} stroke="#0f172a" dash="4 3" label="your batch" align="right" />
        </>
      )}
    </Marks>
  );
}

function FeasibleReadout() {
  const { model } = useContext(FeasibleCtx);
  const xs = useMemo(() => (model?.feasible ?? []).map((r) => r.context), [model]);
  if (!model) return null;
  const rows = model.feasible;
  const read = (i: number) => ({
    title: `${formatContextTick(rows[i]!.context)} tokens of context`,
    lines: model.chipCounts.map((c) => {
      const b = rows[i]![c.key];
      return { text: `${c.chips} chip${c.chips === 1 ? "" : "s"}: ${b === null || b === undefined ? "nothing fits" : `batch ≤ ${formatInt(b)}`}`, color: c.color };
    }),
  });
  return <HoverReadout xs={xs} read={read} />;
}

const FEASIBLE_LAYERS = (
  <>
    <FeasibleMarks />
    <FeasibleReadout />
  </>
);
const FEASIBLE_MARGIN = { top: 12, right: 16, bottom: 4, left: 0 } as const;

function CapacityChart({ model }: { model: CapacityModel }) {
  const lo = model.feasible[0]?.context ?? 1;
  const hi = model.feasible[model.feasible.length - 1]?.context ?? 2;
  const fx = useAxis([lo, hi], log2Ticks(lo, hi), formatContextTick, true);
  const fy = useAxis(model.feasibleYDomain, model.feasibleYTicks, siTick, true);
  const feasibleData = useMemo(() => ({ model }), [model]);
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="capacity-chart" className="grid gap-4 md:grid-cols-2">
        <Stack title="Against batch" unit="sequences" rows={model.byBatch} capacityGB={model.capacityGB} yMaxGB={model.yMaxGB} marker={model.batch} markerLabel="your batch" xLabel={batchLabel} xTick={formatContextTick} testId="capacity-batch" />
        <Stack title="Against context" unit="tokens" rows={model.byContext} capacityGB={model.capacityGB} yMaxGB={model.yMaxGB} marker={model.context} markerLabel="your context" xLabel={formatContextTick} testId="capacity-context" />
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {MEMORY_PARTS.map((p) => (
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
        {model.feasibleNote ? (
          <p className="text-xs text-red-800" data-testid="capacity-feasible-note">
            {model.feasibleNote}
          </p>
        ) : null}
        <FeasibleCtx.Provider value={feasibleData}>
          <Frame x={fx} y={fy} height={200} margin={FEASIBLE_MARGIN} layers={FEASIBLE_LAYERS} />
        </FeasibleCtx.Provider>
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
