/**
 * Prefill time and decode step time, split by what bounds each operation, against context length
 * (log axis). Lazy-loaded: the page shows its numbers before Recharts arrives.
 * Data comes only from the view model (charts/viewModels.ts); no arithmetic here.
 */
import { createContext, memo, useContext, useMemo, useRef, useState } from "react";
import { CartesianGrid, ComposedChart, DefaultZIndexes, XAxis, YAxis } from "recharts";
import { formatContextTick, stackPhase, type Band, type BreakdownChartModel, type PhaseChartModel } from "./viewModels";
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

/** What moves on a slider step reaches the plot through context, so the chart frame (axes, grid) re-renders only when its axes change. */
const PhaseData = createContext<{ bands: Band[]; m: PhaseChartModel | null }>({ bands: [], m: null });

/**
 * The stacked components as filled paths drawn from the axis scales. (Recharts' Area would report
 * its data to the chart's store and redraw in a second pass, ~15 ms for the two phases here.)
 */
function Bands() {
  const { bands } = useContext(PhaseData);
  return (
    <Marks zIndex={DefaultZIndexes.area}>
      {(ctx) => (
        <g clipPath={ctx.clip}>
          {bands.map((b) => {
            const top: string[] = [];
            const bottom: string[] = [];
            for (const [x, y0, y1] of b.pts) {
              const px = ctx.x(x);
              const p0 = ctx.y(y0);
              const p1 = ctx.y(y1);
              if (typeof px !== "number" || typeof p0 !== "number" || typeof p1 !== "number") continue;
              top.push(`${px.toFixed(1)},${p1.toFixed(1)}`);
              bottom.unshift(`${px.toFixed(1)},${p0.toFixed(1)}`);
            }
            if (top.length < 2) return null;
            return <path key={b.key} className="recharts-area" d={`M${top.join("L")}L${bottom.join("L")}Z`} fill={b.color} fillOpacity={0.75} stroke={b.color} strokeWidth={1} />;
          })}
        </g>
      )}
    </Marks>
  );
}

const TIP_W = 212;
const TIP_LINE = 14;

/** Hovering the plot shows each component's time at the nearest context of the sweep. */
function Hover() {
  const { m } = useContext(PhaseData);
  const [at, setAt] = useState<number | null>(null);
  const rows = m?.rows ?? [];
  return (
    <Marks zIndex={DefaultZIndexes.cursorLine}>
      {(ctx) => {
        const xs = rows.map((r) => ctx.x(r.context) ?? NaN);
        const { area } = ctx;
        const onMove = (e: React.PointerEvent<SVGRectElement>) => {
          const box = e.currentTarget.getBoundingClientRect();
          const px = area.x + (e.clientX - box.left);
          let best = -1;
          xs.forEach((x, i) => {
            if (Number.isFinite(x) && (best < 0 || Math.abs(x - px) < Math.abs(xs[best]! - px))) best = i;
          });
          setAt(best >= 0 ? best : null);
        };
        const r = at !== null ? rows[at] : undefined;
        const x = at !== null ? xs[at] : undefined;
        let tip = null;
        if (m && r && typeof x === "number" && Number.isFinite(x)) {
          const lines = [
            ...m.series.map((c) => ({ text: `${c.label}: ${fmt(r[c.key])} ${m.unit.name}${r.total > 0 ? ` (${Math.round((r[c.key] / r.total) * 100)}%)` : ""}`, color: c.color })),
            { text: `Total: ${fmt(r.total)} ${m.unit.name}${r.fits ? "" : " · does not fit"}`, color: "#0f172a" },
          ].reverse();
          const h = (lines.length + 1) * TIP_LINE + 8;
          // right of the guide when it fits, else left of it, never past the drawing's left edge
          const left = x + 8 + TIP_W > area.x + area.width ? Math.max(2, x - 8 - TIP_W) : x + 8;
          tip = (
            <g pointerEvents="none" data-testid={`chart-${m.phase}-tooltip`}>
              <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke="#475569" strokeDasharray="2 2" />
              <rect x={left} y={area.y} width={TIP_W} height={h} rx={4} fill="#ffffff" fillOpacity={0.95} stroke="#cbd5e1" />
              <text x={left + 6} y={area.y + TIP_LINE} fontSize={11} fontWeight={600} fill="#0f172a">
                {labelText(r.context)}
              </text>
              {lines.map((l, i) => (
                <g key={i}>
                  <rect x={left + 6} y={area.y + TIP_LINE * (i + 2) - 8} width={8} height={8} fill={l.color} />
                  <text x={left + 18} y={area.y + TIP_LINE * (i + 2)} fontSize={11} fill="#0f172a">
                    {l.text}
                  </text>
                </g>
              ))}
            </g>
          );
        }
        return (
          <>
            <rect x={area.x} y={area.y} width={area.width} height={area.height} fill="transparent" onPointerMove={onMove} onPointerLeave={() => setAt(null)} />
            {tip}
          </>
        );
      }}
    </Marks>
  );
}

/** One phase's plot: the stacked bands and marks on a Recharts frame (axes, grid). */
const PhasePlot = memo(function PhasePlot({ m, model, scale }: { m: PhaseChartModel; model: BreakdownChartModel; scale: ChartScale }) {
  const stacked = useMemo(() => stackPhase(m, scale), [m, scale]);
  const yDomain = useShared(stacked.yDomain);
  const yTicks = useShared(stacked.yTicks);
  const data = useMemo(() => ({ bands: stacked.bands, m }), [stacked.bands, m]);
  return (
    <PhaseData.Provider value={data}>
      <PhaseFrame
        xDomain={model.xDomain}
        xTicks={model.xTicks}
        yDomain={yDomain}
        yTicks={yTicks}
        share={scale === "share"}
        notFitFrom={model.notFitFrom}
        marker={m.marker}
        markerLabel={m.markerLabel}
      />
    </PhaseData.Provider>
  );
});

interface FrameProps {
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  share: boolean;
  notFitFrom: number | null;
  marker: number;
  markerLabel: string;
}

const PhaseFrame = memo(function PhaseFrame({ xDomain, xTicks, yDomain, yTicks, share, notFitFrom, marker, markerLabel }: FrameProps) {
  return (
    <ComposedChart responsive style={STYLE} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="context"
        type="number"
        scale="log"
        domain={xDomain}
        ticks={xTicks}
        tickFormatter={formatContextTick}
        allowDataOverflow
        tick={TICK}
      />
      <YAxis type="number" domain={yDomain} ticks={yTicks} allowDataOverflow width={44} tick={TICK} tickFormatter={share ? pctTick : fmt} />
      <Bands />
      <PhaseMarks notFitFrom={notFitFrom} hi={xDomain[1]} marker={marker} markerLabel={markerLabel} />
      <Hover />
    </ComposedChart>
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
