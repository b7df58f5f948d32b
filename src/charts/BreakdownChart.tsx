/**
 * Prefill time and decode step time, split by what bounds each operation, against context length
 * (log axis). Lazy-loaded: the page shows its numbers before Recharts arrives.
 * Data comes only from the view model (charts/viewModels.ts); no arithmetic here.
 */
import { createContext, memo, useContext, useMemo, useRef } from "react";
import { DefaultZIndexes } from "recharts";
import { Frame, useAxis } from "./frame";
import { stackPhase, type Band, type BreakdownChartModel, type PhaseChartModel } from "./viewModels";
import { PALETTE, TIME_COMPONENTS } from "./palette";
import { useHeldWhileHidden } from "./useHeldWhileHidden";
import { Band as BandMark, HoverReadout, Marks, VLine, XBand } from "./marks";
import { useShared } from "./stable";
import { formatContextTick, sig } from "../core/format";

const fmt = (v: unknown) => (typeof v === "number" ? sig(v) : "—");

export type ChartScale = "time" | "share";

const pctTick = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : "");

const MARGIN = { top: 18, right: 12, bottom: 4, left: 0 } as const;
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

/** What moves on a slider step reaches the marks through context; the frame (charts/frame.tsx) re-renders only when an axis changes. */
const PhaseData = createContext<{ bands: Band[]; m: PhaseChartModel | null; notFitFrom: number | null; hi: number }>({ bands: [], m: null, notFitFrom: null, hi: 1 });

/**
 * The stacked components as filled paths drawn from the axis scales. (Recharts' Area would report
 * its data to the chart's store and redraw in a second pass, ~15 ms for the two phases here.)
 */
function Bands() {
  const { bands } = useContext(PhaseData);
  return <Marks zIndex={DefaultZIndexes.area}>{(ctx) => bands.map((b) => <BandMark key={b.key} ctx={ctx} pts={b.pts} color={b.color} />)}</Marks>;
}

function Markers() {
  const { m, notFitFrom, hi } = useContext(PhaseData);
  return m ? <PhaseMarks notFitFrom={notFitFrom} hi={hi} marker={m.marker} markerLabel={m.markerLabel} /> : null;
}

/** Hovering shows each component's time at the nearest context of the sweep. */
function Readout() {
  const { m } = useContext(PhaseData);
  const xs = useMemo(() => (m?.rows ?? []).map((r) => r.context), [m]);
  if (!m) return null;
  const read = (i: number) => {
    const r = m.rows[i]!;
    const lines = [
      ...m.series.map((c) => ({ text: `${c.label}: ${fmt(r[c.key])} ${m.unit.name}${r.total > 0 ? ` (${Math.round((r[c.key] / r.total) * 100)}%)` : ""}`, color: c.color })),
      { text: `Total: ${fmt(r.total)} ${m.unit.name}${r.fits ? "" : " · does not fit"}`, color: "#0f172a" },
    ].reverse();
    return { title: labelText(r.context), lines };
  };
  return <HoverReadout xs={xs} read={read} testId={`chart-${m.phase}-tooltip`} />;
}

const LAYERS = (
  <>
    <Bands />
    <Markers />
    <Readout />
  </>
);

/** One phase's plot: the stacked bands and marks on the shared Recharts frame (axes, grid). */
const PhasePlot = memo(function PhasePlot({ m, model, scale }: { m: PhaseChartModel; model: BreakdownChartModel; scale: ChartScale }) {
  const stacked = useMemo(() => stackPhase(m, scale), [m, scale]);
  const x = useAxis(model.xDomain, model.xTicks, formatContextTick, true);
  const y = useAxis(stacked.yDomain, stacked.yTicks, scale === "share" ? pctTick : fmt);
  const data = useMemo(() => ({ bands: stacked.bands, m, notFitFrom: model.notFitFrom, hi: model.xDomain[1] }), [stacked.bands, m, model.notFitFrom, model.xDomain]);
  return (
    <PhaseData.Provider value={data}>
      <Frame x={x} y={y} height={190} margin={MARGIN} layers={LAYERS} vGrid={false} />
    </PhaseData.Provider>
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
