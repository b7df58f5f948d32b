/**
 * Prefill time and decode step time, split by what bounds each operation, against context length
 * (log axis). Lazy-loaded: the page shows its numbers before Recharts arrives.
 * Data comes only from the view model (charts/viewModels.ts); no arithmetic here.
 */
import { memo, useCallback, useMemo, useRef } from "react";
import { Area, AreaChart, CartesianGrid, DefaultZIndexes, Tooltip, XAxis, YAxis } from "recharts";
import { formatContextTick, type BreakdownChartModel, type PhaseChartModel } from "./viewModels";
import { PALETTE, TIME_COMPONENTS } from "./palette";
import { useHeldWhileHidden } from "./useHeldWhileHidden";
import { Marks, VLine, XBand } from "./marks";
import { useShared } from "./stable";

const nf = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const fmt = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? nf.format(v) : "—");

export type ChartScale = "time" | "share";

const pctTick = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? `${Math.round(v * 100)}%` : "");

// Recharts 3 keeps chart state in a store and recomputes its selectors when a prop's reference
// changes: props that never change are module constants, so a slider move only re-derives what moved.
const STYLE = { width: "100%", height: 190 } as const;
const MARGIN = { top: 18, right: 12, bottom: 4, left: 0 } as const;
const TICK = { fontSize: 11 } as const;
const labelText = (v: unknown) => `${fmt(v)} tokens of context`;

/** Title and the sentence under it: always current (cheap), even while the plot below is held. */
function PhaseHeader({ m, scale }: { m: PhaseChartModel; scale: ChartScale }) {
  return (
    <>
      <h3 className="text-sm font-semibold text-slate-800">
        {m.title} <span className="font-normal text-slate-500">({scale === "share" ? "share of time" : m.unit.name})</span>
      </h3>
      <p className="min-h-5 text-xs text-slate-600" data-testid={`chart-${m.phase}-dominant`}>
        {m.dominant ? (
          <>
            At {m.markerLabel}: mostly{" "}
            <strong style={{ color: m.dominant.color }}>{m.dominant.label.toLowerCase()}</strong> (
            {Math.round(m.dominant.share * 100)}%)
          </>
        ) : null}
      </p>
    </>
  );
}

/** "Does not fit" shading (above the areas) and the scenario's marker line: redrawn only when they or the axes change. */
const PhaseMarks = memo(function PhaseMarks({ notFitFrom, hi, marker, markerLabel }: { notFitFrom: number | null; hi: number; marker: number; markerLabel: string }) {
  return (
    <Marks zIndex={DefaultZIndexes.area + 50}>
      {(ctx) => (
        <>
          {notFitFrom !== null ? (
            <XBand ctx={ctx} x1={notFitFrom} x2={hi} fill="#ffffff" fillOpacity={0.6} stroke={PALETTE.overCapacity} dash="2 2" label="does not fit" />
          ) : null}
          {marker > 0 ? <VLine ctx={ctx} x={marker} stroke="#0f172a" dash="4 3" label={markerLabel} /> : null}
        </>
      )}
    </Marks>
  );
});

/** The Recharts plot of one phase: re-renders only when its (possibly held) model or scale changes. */
const PhasePlot = memo(function PhasePlot({ m, model, scale }: { m: PhaseChartModel; model: BreakdownChartModel; scale: ChartScale }) {
  const hi = model.xDomain[1];
  const unit = m.unit.name;
  const valueText = useCallback((v: unknown, name: unknown) => [`${fmt(v)} ${unit}`, name] as [string, string], [unit]);
  return (
    <AreaChart
      responsive
      style={STYLE}
      data={m.rows}
      margin={MARGIN}
      stackOffset={scale === "share" ? "expand" : "none"}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="context"
        type="number"
        scale="log"
        domain={model.xDomain}
        ticks={model.xTicks}
        tickFormatter={formatContextTick}
        allowDataOverflow
        tick={TICK}
      />
      <YAxis width={44} tick={TICK} tickFormatter={scale === "share" ? pctTick : fmt} />
      {m.series.map((s) => (
        <Area
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="t"
          type="linear"
          stroke={s.color}
          fill={s.color}
          fillOpacity={0.75}
          isAnimationActive={false}
          dot={false}
          activeDot={false}
        />
      ))}
      <PhaseMarks notFitFrom={model.notFitFrom} hi={hi} marker={m.marker} markerLabel={m.markerLabel} />
      <Tooltip
        isAnimationActive={false}
        labelFormatter={labelText}
        formatter={valueText}
      />
    </AreaChart>
  );
});

function BreakdownChart({ model, scale }: { model: BreakdownChartModel; scale: ChartScale }) {
  const shown = new Set([...model.prefill.series, ...model.decode.series].map((s) => s.key));
  const box = useRef<HTMLDivElement>(null);
  // Scrolled out of view, the plots keep their last drawing (the text and accessible name stay current).
  const current = useMemo(() => ({ model, scale }), [model, scale]);
  const plot = useShared(useHeldWhileHidden(current, box));
  return (
    <div ref={box}>
      <div role="img" aria-label={model.ariaLabel} data-testid="breakdown-chart" className="grid gap-4 md:grid-cols-2">
        {(["prefill", "decode"] as const).map((phase) => (
          <div key={phase} className="min-w-0">
            <PhaseHeader m={model[phase]} scale={scale} />
            <PhasePlot m={plot.model[phase]} model={plot.model} scale={plot.scale} />
          </div>
        ))}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {TIME_COMPONENTS.filter((c) => shown.has(c.key)).map((c) => (
          <li key={c.key} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: c.color }} aria-hidden />
            {c.label}
          </li>
        ))}
        <li className="text-slate-500">Context length in tokens, log axis; dashed line: your scenario{model.notFitFrom !== null ? "; shaded: the batch no longer fits in memory" : ""}.</li>
      </ul>
    </div>
  );
}

export default memo(BreakdownChart);
