/**
 * The roofline (Williams et al. 2009) for the chosen chip and math precision: attainable FLOP/s
 * against arithmetic intensity, log-log. Below the ridge an operation waits on memory; above it,
 * on the arithmetic units. Data comes only from the view model; no arithmetic here.
 */
import { createContext, memo, useContext, useRef } from "react";
import { CartesianGrid, ComposedChart, DefaultZIndexes, XAxis, YAxis } from "recharts";
import { siTick, sig3, type RooflineModel } from "./insightModels";
import { PALETTE } from "./palette";
import { useHeldWhileHidden } from "./useHeldWhileHidden";
import { Marks, PointLabel, Segment, VLine } from "./marks";
import { useShared } from "./stable";

type Dot = RooflineModel["points"][number];

/**
 * One operation's marker at pixel (cx, cy): its shape, colour and radius come with the point; hovering
 * shows its name and figures (an SVG title, so no chart-wide tooltip state to update on every step).
 */
const Marker = memo(function Marker({ cx, cy, dot }: { cx: number; cy: number; dot: Dot }) {
  const { shape, color, r } = dot;
  const common = { fill: color, stroke: "#ffffff", strokeWidth: 1.5 };
  const title = <title>{`${dot.label}: ${sig3(dot.x)} FLOP/byte → up to ${sig3(dot.y)} TFLOP/s`}</title>;
  if (shape === "circle") return <circle cx={cx} cy={cy} r={r} {...common}>{title}</circle>;
  if (shape === "square") return <rect x={cx - r * 0.85} y={cy - r * 0.85} width={r * 1.7} height={r * 1.7} {...common}>{title}</rect>;
  if (shape === "triangle") return <polygon points={`${cx},${cy - r} ${cx + r},${cy + r * 0.8} ${cx - r},${cy + r * 0.8}`} {...common}>{title}</polygon>;
  return <polygon points={`${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`} {...common}>{title}</polygon>;
});

/** The two roofs (straight segments) and the ridge: redrawn only when they or the axes change. */
const RoofMarks = memo(function RoofMarks({ roof, ridge }: { roof: RooflineModel["roof"]; ridge: number }) {
  return (
    <Marks>
      {(ctx) => (
        <>
          {roof.slice(1).map((b, i) => (
            <Segment key={i} ctx={ctx} a={roof[i]!} b={b} stroke={PALETTE.roof} strokeWidth={2} />
          ))}
          <VLine ctx={ctx} x={ridge} stroke={PALETTE.roof} dash="4 3" label={`ridge ${sig3(ridge)} FLOP/B`} />
        </>
      )}
    </Marks>
  );
});

/** Text beside the two whole-pass points. */
const DotLabels = memo(function DotLabels({ labels }: { labels: RooflineModel["labels"] }) {
  return (
    <Marks zIndex={DefaultZIndexes.label}>
      {(ctx) =>
        labels.map((l) => <PointLabel key={`${l.position}-${l.color}`} ctx={ctx} x={l.x} y={l.y} text={l.text} position={l.position} fill={l.color} fontWeight={600} />)
      }
    </Marks>
  );
});

// Stable props: Recharts 3 recomputes its selectors when a prop's reference changes.
const STYLE = { width: "100%", height: 300 } as const;
const MARGIN = { top: 22, right: 16, bottom: 18, left: 4 } as const;
const TICK = { fontSize: 11 } as const;
const X_LABEL = { value: "arithmetic intensity (FLOP per byte moved)", position: "insideBottom", offset: -12, fontSize: 11, fill: "#475569" } as const;
const Y_LABEL = { value: "TFLOP/s per chip", angle: -90, position: "insideLeft", offset: 10, fontSize: 11, fill: "#475569", dy: 50 } as const;

function RooflineChart({ model }: { model: RooflineModel }) {
  const box = useRef<HTMLDivElement>(null);
  // Scrolled out of view, the plot keeps its last drawing; the accessible name stays current.
  const plot = useShared(useHeldWhileHidden(model, box));
  return (
    <div ref={box} role="img" aria-label={model.ariaLabel} data-testid="roofline-chart">
      <RooflinePlot model={plot} />
    </div>
  );
}

/**
 * What moves on a slider step (the dots and their labels) reaches the chart through context, so the
 * chart element itself re-renders only when its axes or roofs change: a ComposedChart render
 * re-reports every chart prop to Recharts' store (three dispatches, each rechecking every selector).
 */
const PlotData = createContext<Pick<RooflineModel, "points" | "labels">>({ points: [], labels: [] });

const RooflinePlot = memo(function RooflinePlot({ model }: { model: RooflineModel }) {
  const { xDomain, xTicks, yDomain, yTicks, roof, ridge } = model;
  return (
    <PlotData.Provider value={model}>
      <RooflineFrame xDomain={xDomain} xTicks={xTicks} yDomain={yDomain} yTicks={yTicks} roof={roof} ridge={ridge} />
    </PlotData.Provider>
  );
});

/**
 * The operations' markers, drawn from the axis scales rather than as a Recharts Scatter: a Scatter
 * reports new data to Recharts' store, which re-renders at the next animation frame, one frame late.
 */
function Dots() {
  const { points } = useContext(PlotData);
  return (
    <Marks zIndex={DefaultZIndexes.scatter}>
      {(ctx) =>
        points.map((d) => {
          const cx = ctx.x(d.x);
          const cy = ctx.y(d.y);
          return typeof cx === "number" && typeof cy === "number" ? <Marker key={d.id} cx={cx} cy={cy} dot={d} /> : null;
        })
      }
    </Marks>
  );
}

function ContextDotLabels() {
  return <DotLabels labels={useContext(PlotData).labels} />;
}

type FrameProps = Pick<RooflineModel, "xDomain" | "xTicks" | "yDomain" | "yTicks" | "roof" | "ridge">;

const RooflineFrame = memo(function RooflineFrame({ xDomain, xTicks, yDomain, yTicks, roof, ridge }: FrameProps) {
  return (
    <ComposedChart responsive style={STYLE} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid stroke="#e2e8f0" />
      <XAxis
        dataKey="x"
        type="number"
        scale="log"
        domain={xDomain}
        ticks={xTicks}
        tickFormatter={siTick}
        allowDataOverflow
        tick={TICK}
        label={X_LABEL}
      />
      <YAxis
        dataKey="y"
        type="number"
        scale="log"
        domain={yDomain}
        ticks={yTicks}
        tickFormatter={siTick}
        allowDataOverflow
        width={52}
        tick={TICK}
        label={Y_LABEL}
      />
      <Dots />
      <RoofMarks roof={roof} ridge={ridge} />
      <ContextDotLabels />
    </ComposedChart>
  );
});

export default memo(RooflineChart);
