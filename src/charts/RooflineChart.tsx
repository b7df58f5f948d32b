/**
 * The roofline (Williams et al. 2009) for the chosen chip and math precision: attainable FLOP/s
 * against arithmetic intensity, log-log. Below the ridge an operation waits on memory; above it,
 * on the arithmetic units. Data comes only from the view model; no arithmetic here.
 */
import { createContext, memo, useContext, useRef } from "react";
import { DefaultZIndexes } from "recharts";
import { Frame, useAxis } from "./frame";
import type { RooflineModel } from "./rooflineModel";
import { sig, siTick } from "../core/format";
import { PALETTE } from "./palette";
import { useHeldWhileHidden } from "./useHeldWhileHidden";
import { Marks, pixel, PointLabel, Segment, VLine } from "./marks";
import { useShared } from "./stable";

type Dot = RooflineModel["points"][number];

/**
 * One operation's marker at pixel (cx, cy): its shape, colour and radius come with the point; hovering
 * shows its name and figures (an SVG title, so no chart-wide tooltip state to update on every step).
 */
const Marker = memo(function Marker({ cx, cy, dot }: { cx: number; cy: number; dot: Dot }) {
  const { shape, color, r } = dot;
  const common = { fill: color, stroke: "#ffffff", strokeWidth: 1.5 };
  const title = <title>{`${dot.label}: ${sig(dot.x)} FLOP/byte → up to ${sig(dot.y)} TFLOP/s`}</title>;
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
          <VLine ctx={ctx} x={ridge} stroke={PALETTE.roof} dash="4 3" label={`ridge ${sig(ridge)} FLOP/B (datasheet)`} />
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

const MARGIN = { top: 22, right: 16, bottom: 18, left: 4 } as const;
const X_LABEL = { value: "arithmetic intensity (FLOP per byte moved)", offset: -12 };
const Y_LABEL = { value: "TFLOP/s per chip", offset: 10, dy: 50 };

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

/** What moves on a slider step reaches the marks through context; the frame (charts/frame.tsx) re-renders only when an axis changes. */
const PlotData = createContext<Pick<RooflineModel, "points" | "labels" | "roof" | "ridge" | "achieved">>({
  points: [],
  labels: [],
  roof: [],
  ridge: 0,
  achieved: [],
});

const RooflinePlot = memo(function RooflinePlot({ model }: { model: RooflineModel }) {
  const x = useAxis(model.xDomain, model.xTicks, siTick, true, X_LABEL);
  const y = useAxis(model.yDomain, model.yTicks, siTick, true, Y_LABEL, 52);
  return (
    <PlotData.Provider value={model}>
      <Frame x={x} y={y} height={300} margin={MARGIN} layers={LAYERS} />
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
          const p = pixel(ctx, d.x, d.y);
          return p ? <Marker key={d.id} cx={p.cx} cy={p.cy} dot={d} /> : null;
        })
      }
    </Marks>
  );
}

/** A bar at what each pass achieves, hanging from its point on the roof by a dotted drop: the gap is efficiency and overheads. */
function Achieved() {
  const { achieved } = useContext(PlotData);
  return (
    <Marks zIndex={DefaultZIndexes.scatter - 1}>
      {(ctx) =>
        achieved.map((a) => {
          const p = pixel(ctx, a.x, a.y);
          const roof = pixel(ctx, a.x, a.roofY);
          if (!p || !roof) return null;
          const { cx, cy } = p;
          const top = roof.cy;
          return (
            <g key={a.id} data-testid={`roofline-achieved-${a.id}`}>
              <line x1={cx} x2={cx} y1={top} y2={cy} stroke={a.color} strokeDasharray="2 2" strokeWidth={1.5} />
              <line x1={cx - 9} x2={cx + 9} y1={cy} y2={cy} stroke={a.color} strokeWidth={3}>
                <title>{a.label}</title>
              </line>
            </g>
          );
        })
      }
    </Marks>
  );
}

function ContextDotLabels() {
  return <DotLabels labels={useContext(PlotData).labels} />;
}

function ContextRoofs() {
  const { roof, ridge } = useContext(PlotData);
  return <RoofMarks roof={roof} ridge={ridge} />;
}

const LAYERS = (
  <>
    <Achieved />
    <Dots />
    <ContextRoofs />
    <ContextDotLabels />
  </>
);

export default memo(RooflineChart);
